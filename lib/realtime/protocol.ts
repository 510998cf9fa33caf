// The live-update protocol, pure: what goes through the broker between app instances, what goes to
// the browser as server-sent events, and who is viewing an article. No I/O here; lib/realtime/hub.ts
// wires it to a broker and lib/db/live-events.ts to the history table (decision 022).

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; stay clearly under on every broker. */
export const MAX_BROKER_PAYLOAD_BYTES = 7900;
export const CHANNEL = 'factdesk_events';

export type Viewer = { id: string; name: string };

/** One change as the browser receives it: ids and kind only. The page re-reads what it shows
 *  through the data layer, so a reader never learns here what the page would not tell them. */
export type LiveEvent = { id: string; at: string; type: string; target: { type: string; id: string }; actorName: string | null };

/**
 * A broker message. `event` carries only ids: every instance reads the row from the history table,
 * so nothing a reader may not see travels through the broker and the payload stays small.
 * `presence` is one instance's full list of viewers of one article (a snapshot, not a delta, so a
 * lost message is repaired by the next heartbeat). `hello` asks the other instances for theirs.
 * `scale` says the desk-wide verdict scale reached version `v`: not an article event, so it goes to
 * every open article; it carries only the number (anyone signed in may read the scale).
 */
export type BrokerMessage =
  | { k: 'event'; a: string; e: string }
  | { k: 'scale'; v: number }
  | { k: 'presence'; a: string; i: string; v: Viewer[] }
  | { k: 'hello'; a: string; i: string };

const MAX_NAME = 60;

export function encodeMessage(m: BrokerMessage): string {
  if (m.k !== 'presence') return JSON.stringify(m);
  // Names are trimmed and the list cut so a crowded article still fits one NOTIFY.
  const viewers = m.v.map((v) => ({ id: v.id, name: v.name.slice(0, MAX_NAME) }));
  let out = JSON.stringify({ ...m, v: viewers });
  while (new TextEncoder().encode(out).length > MAX_BROKER_PAYLOAD_BYTES && viewers.length > 0) {
    viewers.pop();
    out = JSON.stringify({ ...m, v: viewers });
  }
  return out;
}

const isStr = (x: unknown, max = 200): x is string => typeof x === 'string' && x.length > 0 && x.length <= max;

/** Parses what arrived from the broker; anything malformed is dropped (null), never thrown. */
export function decodeMessage(raw: string): BrokerMessage | null {
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  if (o.k === 'scale') return Number.isSafeInteger(o.v) && (o.v as number) > 0 ? { k: 'scale', v: o.v as number } : null;
  if (!isStr(o.a)) return null;
  if (o.k === 'event' && isStr(o.e)) return { k: 'event', a: o.a, e: o.e };
  if (o.k === 'hello' && isStr(o.i)) return { k: 'hello', a: o.a, i: o.i };
  if (o.k === 'presence' && isStr(o.i) && Array.isArray(o.v)) {
    const v = o.v.filter((x): x is Viewer => !!x && typeof x === 'object' && isStr((x as Viewer).id) && typeof (x as Viewer).name === 'string');
    return { k: 'presence', a: o.a, i: o.i, v: v.map((x) => ({ id: x.id, name: x.name.slice(0, MAX_NAME) })) };
  }
  return null;
}

/** One server-sent event. Newlines in data would end the field early, so data is one JSON line. */
export function sseFrame(f: { event?: string; id?: string; data?: unknown; retry?: number }): string {
  let out = '';
  if (f.retry !== undefined) out += `retry: ${f.retry}\n`;
  if (f.event) out += `event: ${f.event}\n`;
  // An id with a newline or NUL would be ignored by the browser (and could inject fields).
  if (f.id !== undefined && !/[\r\n\0]/.test(f.id)) out += `id: ${f.id}\n`;
  out += `data: ${JSON.stringify(f.data ?? null)}\n\n`;
  return out;
}

export const sseComment = (text: string): string => `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;

/**
 * Who is viewing which article, across instances: this instance's own connections plus the last
 * snapshot each other instance sent, forgotten when it stops sending heartbeats.
 */
export class PresenceBook {
  private local = new Map<string, Map<string, { name: string; n: number }>>();
  private remote = new Map<string, Map<string, { v: Viewer[]; until: number }>>();

  constructor(private readonly ttlMs: number) {}

  /** Returns true when this instance's list for the article changed (a new person, not a new tab). */
  join(articleId: string, viewer: Viewer): boolean {
    let m = this.local.get(articleId);
    if (!m) this.local.set(articleId, (m = new Map()));
    const cur = m.get(viewer.id);
    if (cur) {
      cur.n++;
      return false;
    }
    m.set(viewer.id, { name: viewer.name, n: 1 });
    return true;
  }

  leave(articleId: string, viewerId: string): boolean {
    const m = this.local.get(articleId);
    const cur = m?.get(viewerId);
    if (!m || !cur) return false;
    if (--cur.n > 0) return false;
    m.delete(viewerId);
    if (m.size === 0) this.local.delete(articleId);
    return true;
  }

  localViewers(articleId: string): Viewer[] {
    return [...(this.local.get(articleId) ?? new Map<string, { name: string }>())].map(([id, { name }]) => ({ id, name }));
  }

  localArticles(): string[] {
    return [...this.local.keys()];
  }

  setRemote(instance: string, articleId: string, viewers: Viewer[], now: number): void {
    let m = this.remote.get(articleId);
    if (!m) this.remote.set(articleId, (m = new Map()));
    if (viewers.length === 0) m.delete(instance);
    else m.set(instance, { v: viewers, until: now + this.ttlMs });
    if (m.size === 0) this.remote.delete(articleId);
  }

  /** Drops instances that went quiet; returns the articles whose list changed. */
  expire(now: number): string[] {
    const changed: string[] = [];
    for (const [articleId, m] of this.remote) {
      for (const [inst, s] of m) if (s.until <= now) { m.delete(inst); changed.push(articleId); }
      if (m.size === 0) this.remote.delete(articleId);
    }
    return [...new Set(changed)];
  }

  /** Everyone viewing, one entry per person, sorted by name so the line does not jump around. */
  viewers(articleId: string, now: number): Viewer[] {
    const all = new Map<string, string>();
    for (const v of this.localViewers(articleId)) all.set(v.id, v.name);
    for (const s of this.remote.get(articleId)?.values() ?? []) {
      if (s.until > now) for (const v of s.v) if (!all.has(v.id)) all.set(v.id, v.name);
    }
    return [...all].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }
}

/** Per-user connection cap on one instance: a reload storm or a runaway script cannot hold sockets. */
export class ConnectionCap {
  private open = new Map<string, number>();
  constructor(readonly max: number) {}
  tryOpen(userId: string): boolean {
    const n = this.open.get(userId) ?? 0;
    if (n >= this.max) return false;
    this.open.set(userId, n + 1);
    return true;
  }
  close(userId: string): void {
    const n = (this.open.get(userId) ?? 0) - 1;
    if (n <= 0) this.open.delete(userId);
    else this.open.set(userId, n);
  }
  count(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}

/** Remembers the last ids delivered, so a replay that overlaps what arrived live is not shown twice. */
export class SeenIds {
  private order: string[] = [];
  private set = new Set<string>();
  constructor(private readonly max = 1000) {}
  /** True the first time an id is offered. */
  add(id: string): boolean {
    if (this.set.has(id)) return false;
    this.set.add(id);
    this.order.push(id);
    if (this.order.length > this.max) this.set.delete(this.order.shift()!);
    return true;
  }
}

/** Which broker carries messages between instances (decision 022). */
export function brokerKind(env: Record<string, string | undefined>): 'redis' | 'postgres' | 'local' {
  if (env.REDIS_URL) return 'redis';
  if (/^postgres(ql)?:/.test(env.DATABASE_URL ?? '')) return 'postgres';
  return 'local';
}
