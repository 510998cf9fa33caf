// The brokers that carry live-update messages between app instances (decision 022). Each process
// opens ONE listening connection, however many browsers are connected to it: the hub fans out.
import { EventEmitter } from 'node:events';
import { CHANNEL } from './protocol';

export type Broker = {
  /** Sends to every instance, this one included. */
  publish(payload: string): Promise<void>;
  close(): Promise<void>;
};

export type Handlers = {
  onMessage: (raw: string) => void;
  /** The listening connection came back after a drop: messages may have been missed meanwhile. */
  onReconnect: () => void;
};

const log = (what: string, e: unknown) => console.error(`live updates: ${what}: ${(e as Error)?.message?.split('\n')[0]?.slice(0, 200) ?? e}`);

/** Single-instance default (SQLite): an emitter in this process. */
export function localBroker(h: Handlers): Broker {
  const g = globalThis as unknown as { factdeskLocalBus?: EventEmitter };
  g.factdeskLocalBus ??= new EventEmitter().setMaxListeners(0);
  const bus = g.factdeskLocalBus;
  bus.on(CHANNEL, h.onMessage);
  return {
    async publish(payload) {
      // Asynchronously, like a real broker: a writer never runs a reader's code inside its transaction.
      setImmediate(() => bus.emit(CHANNEL, payload));
    },
    async close() {
      bus.off(CHANNEL, h.onMessage);
    },
  };
}

/**
 * PostgreSQL LISTEN on a dedicated connection (a pooled one could be handed to someone else).
 * Writers NOTIFY inside their own transaction (lib/realtime/announce.ts), so PostgreSQL delivers
 * only what committed; this client only listens, and sends the small presence messages.
 */
export async function postgresBroker(url: string, h: Handlers): Promise<Broker> {
  const { Client } = await import('pg');
  let client: InstanceType<typeof Client> | null = null;
  let closed = false;
  let delay = 500;
  let first = true;
  async function connect(): Promise<void> {
    const c = new Client({ connectionString: url, keepAlive: true });
    c.on('notification', (n) => { if (n.channel === CHANNEL && n.payload) h.onMessage(n.payload); });
    c.on('error', (e) => log('PostgreSQL listener error', e));
    c.on('end', () => {
      // Only a connection that was listening schedules a reconnect; a failed attempt is retry()'s.
      if (client !== c) return;
      client = null;
      if (!closed) setTimeout(() => void retry(), delay).unref();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (e) {
      await c.end().catch(() => {});
      throw e;
    }
    client = c;
    delay = 500;
    if (!first) h.onReconnect();
    first = false;
  }
  async function retry(): Promise<void> {
    if (closed) return;
    try {
      await connect();
    } catch (e) {
      log('PostgreSQL listener reconnect failed', e);
      delay = Math.min(delay * 2, 10_000);
      setTimeout(() => void retry(), delay).unref();
    }
  }
  await connect(); // a failure here is the hub's to retry (nothing is left connected)
  return {
    async publish(payload) {
      if (!client) return; // presence only; the next heartbeat after reconnecting repairs it
      await client.query('select pg_notify($1, $2)', [CHANNEL, payload]);
    },
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}

/** Redis pub/sub: a subscriber connection (Redis allows nothing else on it) and a publisher. */
export async function redisBroker(url: string, h: Handlers): Promise<Broker> {
  const { Redis } = await import('ioredis');
  const sub = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: true });
  const pub = new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: true });
  sub.on('error', (e) => log('Redis subscriber error', e));
  pub.on('error', (e) => log('Redis publisher error', e));
  let ready = 0;
  // ioredis reconnects and re-subscribes by itself; every ready after the first is a reconnection.
  sub.on('ready', () => { if (++ready > 1) h.onReconnect(); });
  sub.on('message', (channel: string, message: string) => { if (channel === CHANNEL) h.onMessage(message); });
  try {
    await Promise.all([sub.connect(), pub.connect()]);
    await sub.subscribe(CHANNEL);
  } catch (e) {
    // The hub tries again at the next stream; these two must not keep reconnecting meanwhile.
    sub.disconnect();
    pub.disconnect();
    throw e;
  }
  return {
    async publish(payload) {
      await pub.publish(CHANNEL, payload);
    },
    async close() {
      sub.disconnect();
      pub.disconnect();
    },
  };
}
