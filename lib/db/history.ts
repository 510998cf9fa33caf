// Reading the review history. Writing it is lib/db/events.ts, inside each change's transaction.
import 'server-only';
import { AppError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { redactEvent, seesBothSides, type BlindClaim, type Viewer } from '../double-check/blind';
import type { EventDto } from '../history/dto';
import { withRatingName } from '../verdicts/scale';
import { db } from './client';
import { loadScale } from './verdict-scale';

/**
 * The article's claims under a running double check, by id, with what redactEvent needs. Editors and
 * admins see everything, so they skip the query.
 */
export async function blindClaimsOf(viewer: Viewer, where: { articleId: string } | { id: { in: string[] } }): Promise<Map<string, BlindClaim>> {
  if (seesBothSides(viewer)) return new Map();
  const rows = await db().claim.findMany({
    where: { ...where, secondAssigneeId: { not: null } },
    select: { id: true, assigneeId: true, secondAssigneeId: true, blindVerdicts: { select: { slot: true } } },
  });
  return new Map(rows.map((c) => [c.id, { assigneeId: c.assigneeId, secondAssigneeId: c.secondAssigneeId, slotsIn: c.blindVerdicts.map((b) => b.slot) }]));
}

export type { EventDto } from '../history/dto';

/** The history, oldest first; `latest`: only the newest that many (a busy article has thousands). */
export async function listHistory(actor: Actor | null, articleId: string, opts: { latest?: number } = {}): Promise<EventDto[]> {
  assertCan(actor, 'article:read');
  const exists = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!exists) throw new AppError('not_found', 'No article with this id.');
  const select = { id: true, at: true, type: true, targetType: true, targetId: true, before: true, after: true, actorId: true, actor: { select: { email: true, name: true } } } as const;
  // Issue 13: reading, parsing and sending every event made each history read grow with the desk's
  // work; the newest N come from the Event(articleId, at) index, newest first, then put in order.
  const scale = (await loadScale()).entries;
  const events = opts.latest
    ? (await db().event.findMany({ where: { articleId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: opts.latest, select })).reverse()
    : await db().event.findMany({ where: { articleId }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select });
  // Decision 031: during a blind double check a reviewer reads who did what on that claim and when,
  // not what (a rating, a source, a comment): the same rows, without their before/after. This covers
  // the timelines, the review page's latest events and the CSV/JSON downloads, which all read here.
  const blind = await blindClaimsOf(actor, { articleId });
  return events.map((e) => {
    const claim = e.targetType === 'claim' ? blind.get(e.targetId) : undefined;
    return claim && redactEvent(actor, claim, e) ? { ...e, before: null, after: null, redacted: true } : e;
  }).map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    actor: e.actor?.email ?? null,
    actorName: e.actor ? e.actor.name || e.actor.email : null,
    type: e.type,
    target: { type: e.targetType, id: e.targetId },
    before: e.before === null ? null : withRatingName(JSON.parse(e.before), scale),
    after: e.after === null ? null : withRatingName(JSON.parse(e.after), scale),
    ...('redacted' in e ? { redacted: true } : {}),
  }));
}

/** Claim id -> its number ("c3"), for every claim the article ever had, so exported rows name them. */
export async function claimOrdinals(actor: Actor | null, articleId: string): Promise<Record<string, number>> {
  assertCan(actor, 'article:read');
  const claims = await db().claim.findMany({ where: { articleId }, select: { id: true, ordinal: true } });
  return Object.fromEntries(claims.map((c) => [c.id, c.ordinal]));
}

/** The article a claim belongs to, for the per-claim timeline (404 when there is no such claim). */
export async function articleOfClaim(actor: Actor | null, claimId: string): Promise<string> {
  assertCan(actor, 'article:read');
  const claim = await db().claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  if (!claim) throw new AppError('not_found', 'No claim with this id.');
  return claim.articleId;
}
