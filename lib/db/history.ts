// Reading the review history. Writing it is lib/db/events.ts, inside each change's transaction.
import 'server-only';
import { AppError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import type { EventDto } from '../history/dto';
import { db } from './client';

export type { EventDto } from '../history/dto';

/** The history, oldest first; `latest`: only the newest that many (a busy article has thousands). */
export async function listHistory(actor: Actor | null, articleId: string, opts: { latest?: number } = {}): Promise<EventDto[]> {
  assertCan(actor, 'article:read');
  const exists = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!exists) throw new AppError('not_found', 'No article with this id.');
  const select = { id: true, at: true, type: true, targetType: true, targetId: true, before: true, after: true, actor: { select: { email: true, name: true } } } as const;
  // Issue 13: reading, parsing and sending every event made each history read grow with the desk's
  // work; the newest N come from the Event(articleId, at) index, newest first, then put in order.
  const events = opts.latest
    ? (await db().event.findMany({ where: { articleId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: opts.latest, select })).reverse()
    : await db().event.findMany({ where: { articleId }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select });
  return events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor?.email ?? null,
    actorName: e.actor ? e.actor.name || e.actor.email : null,
    type: e.type,
    target: { type: e.targetType, id: e.targetId },
    before: e.before === null ? null : (JSON.parse(e.before) as unknown),
    after: e.after === null ? null : (JSON.parse(e.after) as unknown),
  }));
}
