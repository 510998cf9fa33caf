// The process-wide live-update hub: one broker connection per process, fanned out to every
// server-sent-event stream this process serves (decision 022). Lives on globalThis because Next
// may load this module into several bundles of one server.
import { randomUUID } from 'node:crypto';
import { localBroker, postgresBroker, redisBroker, type Broker } from './brokers';
import { brokerKind, decodeMessage, encodeMessage, PresenceBook, type LiveEvent, type Viewer } from './protocol';

export type LoadedEvent = LiveEvent & { articleId: string | null };
export type Loader = (eventId: string) => Promise<LoadedEvent | null>;

export type Subscriber = {
  onEvent(e: LiveEvent): void;
  onPresence(viewers: Viewer[]): void;
  /** The broker connection dropped and came back: fetch what may have been missed. */
  onResync(): void;
  /** The desk's verdict scale changed (names, colours, order): re-read the page. */
  onScale?(version: number): void;
};

export const HEARTBEAT_MS = 10_000;
const PRESENCE_TTL_MS = 3.5 * HEARTBEAT_MS;
// On Redis and the in-process bus the message can overtake the writer's COMMIT (PostgreSQL's NOTIFY
// cannot): the reader looks again, often at first, for ~1.5 s in all, before deciding the write was rolled back.
const LOAD_RETRIES_MS = [0, 20, 40, 60, 80, 100, 150, 200, 250, 300, 300];

export class Hub {
  readonly instance = randomUUID();
  private subs = new Map<string, Set<Subscriber>>();
  private book = new PresenceBook(PRESENCE_TTL_MS);
  private sentPresence = new Map<string, string>();
  private broker: Promise<Broker> | null = null;
  private timer: NodeJS.Timeout | null = null;
  loader: Loader | null = null;

  constructor(private readonly env: Record<string, string | undefined> = process.env) {}

  get kind(): 'redis' | 'postgres' | 'local' {
    return brokerKind(this.env);
  }

  /** Connects on first use; a failed connection is retried at the next use. */
  ready(): Promise<Broker> {
    if (!this.broker) {
      const handlers = { onMessage: (raw: string) => this.receive(raw), onReconnect: () => this.resyncAll() };
      const kind = this.kind;
      const url = kind === 'redis' ? this.env.REDIS_URL! : (this.env.DATABASE_URL ?? '');
      this.broker = (kind === 'redis' ? redisBroker(url, handlers) : kind === 'postgres' ? postgresBroker(url, handlers) : Promise.resolve(localBroker(handlers)));
      this.broker.catch(() => { this.broker = null; });
      this.timer ??= setInterval(() => this.heartbeat(), HEARTBEAT_MS);
      this.timer.unref();
    }
    return this.broker;
  }

  /** Announces a committed (or committing) history event to every instance. */
  async publishEvent(articleId: string, eventId: string): Promise<void> {
    await (await this.ready()).publish(encodeMessage({ k: 'event', a: articleId, e: eventId }));
  }

  /** Announces a committed verdict-scale edit to every open article on every instance. */
  async publishScale(version: number): Promise<void> {
    await (await this.ready()).publish(encodeMessage({ k: 'scale', v: version }));
  }

  async subscribe(articleId: string, viewer: Viewer, sub: Subscriber): Promise<() => void> {
    const broker = await this.ready();
    let set = this.subs.get(articleId);
    if (!set) {
      this.subs.set(articleId, (set = new Set()));
      // First viewer of this article here: ask the others who is viewing instead of waiting a heartbeat.
      void broker.publish(encodeMessage({ k: 'hello', a: articleId, i: this.instance })).catch(() => {});
    }
    set.add(sub);
    if (this.book.join(articleId, viewer)) this.announcePresence(articleId);
    sub.onPresence(this.book.viewers(articleId, Date.now()));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const s = this.subs.get(articleId);
      s?.delete(sub);
      if (s && s.size === 0) this.subs.delete(articleId);
      if (this.book.leave(articleId, viewer.id)) this.announcePresence(articleId);
    };
  }

  subscriberCount(articleId: string): number {
    return this.subs.get(articleId)?.size ?? 0;
  }

  private receive(raw: string): void {
    const m = decodeMessage(raw);
    if (!m) return;
    if (m.k === 'event') {
      if (this.subs.has(m.a)) void this.deliver(m.a, m.e);
    } else if (m.k === 'scale') {
      for (const set of this.subs.values()) for (const s of set) s.onScale?.(m.v);
    } else if (m.k === 'hello') {
      if (m.i !== this.instance && this.book.localViewers(m.a).length) this.announcePresence(m.a, false);
    } else if (m.i !== this.instance) {
      this.book.setRemote(m.i, m.a, m.v, Date.now());
      this.pushPresence(m.a);
    }
  }

  private async deliver(articleId: string, eventId: string): Promise<void> {
    if (!this.loader) return;
    for (const wait of LOAD_RETRIES_MS) {
      if (wait) await new Promise((r) => setTimeout(r, wait));
      let e: LoadedEvent | null;
      try {
        e = await this.loader(eventId);
      } catch (err) {
        console.error(`live updates: reading event failed: ${(err as Error).message?.split('\n')[0]?.slice(0, 200)}`);
        return;
      }
      if (!e) continue;
      // The row, not the message, says which article: a forged message cannot leak across articles.
      if (e.articleId !== articleId) return;
      const { articleId: _a, ...live } = e;
      for (const s of this.subs.get(articleId) ?? []) s.onEvent(live);
      return;
    }
  }

  /** Sends this instance's viewers of an article to the others, and the merged list to its own streams. */
  private announcePresence(articleId: string, pushLocal = true): void {
    const v = this.book.localViewers(articleId);
    void this.ready()
      .then((b) => b.publish(encodeMessage({ k: 'presence', a: articleId, i: this.instance, v })))
      .catch(() => {});
    if (pushLocal) this.pushPresence(articleId);
  }

  private pushPresence(articleId: string): void {
    const set = this.subs.get(articleId);
    if (!set) return;
    const viewers = this.book.viewers(articleId, Date.now());
    const key = JSON.stringify(viewers);
    if (this.sentPresence.get(articleId) === key) return;
    this.sentPresence.set(articleId, key);
    for (const s of set) s.onPresence(viewers);
  }

  private heartbeat(): void {
    for (const a of this.book.localArticles()) this.announcePresence(a, false);
    for (const a of this.book.expire(Date.now())) this.pushPresence(a);
    for (const a of this.sentPresence.keys()) if (!this.subs.has(a)) this.sentPresence.delete(a);
  }

  private resyncAll(): void {
    for (const set of this.subs.values()) for (const s of set) s.onResync();
    for (const a of this.book.localArticles()) this.announcePresence(a, false);
  }
}

export function hub(): Hub {
  const g = globalThis as unknown as { factdeskHub?: Hub };
  g.factdeskHub ??= new Hub();
  return g.factdeskHub;
}
