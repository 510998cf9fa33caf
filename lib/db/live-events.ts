// Reading history for live updates (GET /api/articles/:id/events, decision 022). The stream's
// reader is checked once when it connects (openLiveStream); the hub then reads single rows for
// every stream of that article on this instance, and each stream replays what a reconnecting
// browser missed.
import 'server-only';
import { AppError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import type { LoadedEvent } from '../realtime/hub';
import type { LiveEvent } from '../realtime/protocol';
import { db } from './client';

/**
 * How far before the last event a browser saw a replay starts. Event ids (cuid) do not sort by
 * time, and `at` is taken when the row is written, not when its transaction commits: a change
 * written just before the last one seen may have committed after it. The overlap catches those;
 * the browser drops the repeats by id.
 */
export const REPLAY_OVERLAP_MS = 5_000;
export const MAX_REPLAY = 500;

const SELECT = { id: true, at: true, type: true, targetType: true, targetId: true, articleId: true, actor: { select: { name: true, email: true } } } as const;
type Row = { id: string; at: Date; type: string; targetType: string; targetId: string; articleId: string | null; actor: { name: string | null; email: string } | null };

const toLive = (r: Row): LoadedEvent => ({
  id: r.id,
  at: r.at.toISOString(),
  type: r.type,
  target: { type: r.targetType, id: r.targetId },
  actorName: r.actor ? r.actor.name || r.actor.email : null,
  articleId: r.articleId,
});

/** 401/403/404 before a stream opens. */
export async function openLiveStream(actor: Actor | null, articleId: string): Promise<void> {
  assertCan(actor, 'article:read');
  const a = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!a) throw new AppError('not_found', 'No article with this id.');
}

/**
 * When the article last changed, so a page whose stream opens a moment after it was rendered can
 * tell whether it missed something in between. Called by a stream already checked by openLiveStream.
 */
export async function latestEventAt(articleId: string): Promise<string | null> {
  const latest = await db().event.findFirst({ where: { articleId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], select: { at: true } });
  return latest?.at.toISOString() ?? null;
}

/** One event by id, for the hub: it only hands it to streams of the article the row names. */
export async function loadLiveEvent(eventId: string): Promise<LoadedEvent | null> {
  const r = await db().event.findUnique({ where: { id: eventId }, select: SELECT });
  return r ? toLive(r) : null;
}

/**
 * What happened on an article since the event a browser last received. `null` when that event is
 * unknown here or too much happened: the browser should then reload the article as a whole.
 */
export async function liveEventsAfter(actor: Actor | null, articleId: string, lastEventId: string): Promise<LiveEvent[] | null> {
  assertCan(actor, 'article:read');
  const last = await db().event.findUnique({ where: { id: lastEventId }, select: { at: true, articleId: true } });
  if (!last || last.articleId !== articleId) return null;
  const rows = await db().event.findMany({
    where: { articleId, at: { gte: new Date(last.at.getTime() - REPLAY_OVERLAP_MS) }, id: { not: lastEventId } },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    take: MAX_REPLAY + 1,
    select: SELECT,
  });
  if (rows.length > MAX_REPLAY) return null;
  return rows.map((r) => {
    const { articleId: _a, ...live } = toLive(r);
    return live;
  });
}

/** The verdict scale's version, sent when a stream opens: a page that missed a scale change while
 *  disconnected sees the number move and re-reads itself. */
export async function scaleVersion(): Promise<number> {
  return (await db().verdictScale.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? 0;
}
