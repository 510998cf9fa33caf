// Assignment (issue 10 item 2): editors give claims, or a whole article, an owner and a due time.
// A claim assignment is a versioned write like any review action (409 when stale) with its event.
import 'server-only';
import type { ZodType } from 'zod';
import { AppError, fromZodError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { assignArticleSchema, assignClaimSchema, type AssignArticleInput, type AssignClaimInput } from '../queue/schema';
import { WAITING_STATUSES } from '../queue/rules';
import { nextStatus } from '../review-status/status';
import { db, type Tx } from './client';
import { bumpVersion, findClaim, transact } from './claims';
import { currentClaimsWhere } from './claim-dto';
import { recordEvent } from './events';

/** Someone who can be given work or mentioned: an active account. */
export type DeskMember = { id: string; name: string; email: string; role: string };

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** Every active account, for the assign menus and @mentions. Anyone signed in may read the list. */
export async function listDeskMembers(actor: Actor | null): Promise<DeskMember[]> {
  assertCan(actor, 'article:read');
  return db().user.findMany({
    where: { deactivatedAt: null },
    orderBy: [{ name: 'asc' }, { email: 'asc' }],
    select: { id: true, name: true, email: true, role: true },
  });
}

async function activeAssignee(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, deactivatedAt: true } });
  // 422, not 404: the claim exists; the choice in the form is what is wrong.
  if (!user || user.deactivatedAt) throw new AppError('invalid', 'Assign the claim to an active account.', { reviewerId: 'Not an active account.' });
  return user;
}

const person = (u: { email: string; name: string } | null) => (u ? u.name || u.email : null);

export type AssignResult = { id: string; version: number; status: string; assignee: { id: string; name: string }; dueAt: string | null };

/** The status assignment leaves a claim in (lib/review-status/); assignment never refuses, so a
 * claim outside the review flow (marked not a claim) keeps its own. */
export function assignedStatus(from: string): string {
  const next = nextStatus(from, 'assign');
  return next.ok ? next.status : from;
}

export async function assignClaim(actor: Actor | null, claimId: string, input: AssignClaimInput | unknown): Promise<AssignResult> {
  assertCan(actor, 'claim:assign');
  const data = parse(assignClaimSchema, input);
  // `transact`: a stale version answers 409 with the claim as it is now (who has it, due when).
  return transact(claimId, async (tx) => {
    const claim = await findClaim(tx, claimId);
    const assignee = await activeAssignee(tx, data.reviewerId);
    const before = await tx.claim.findUnique({
      where: { id: claimId }, select: { dueAt: true, assignee: { select: { id: true, email: true, name: true } } },
    });
    const status = assignedStatus(claim.status);
    const version = await bumpVersion(tx, claimId, data.version, { status });
    await tx.claim.update({ where: { id: claimId }, data: { assigneeId: assignee.id, dueAt: data.due, assignedAt: new Date() } });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'claim.assigned', targetType: 'claim', targetId: claimId,
      before: { assigneeId: before?.assignee?.id ?? null, assignee: person(before?.assignee ?? null), dueAt: before?.dueAt?.toISOString() ?? null, status: claim.status },
      after: { assigneeId: assignee.id, assignee: person(assignee), dueAt: data.due?.toISOString() ?? null, status },
    });
    return { id: claimId, version, status, assignee: { id: assignee.id, name: person(assignee)! }, dueAt: data.due?.toISOString() ?? null };
  });
}

/**
 * Gives every claim of the article's current draft that still waits for review (open or in review)
 * to one reviewer, and remembers them as the article's default assignee. Claims already reviewed,
 * approved or dismissed keep their owner: their work is done. One event per claim (each claim's
 * timeline shows it) plus one for the article. No version: it is an article-wide editor decision,
 * and each claim's version is still bumped so an open dialog learns of it.
 */
export async function assignArticle(actor: Actor | null, articleId: string, input: AssignArticleInput | unknown) {
  assertCan(actor, 'claim:assign');
  const data = parse(assignArticleSchema, input);
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({
      where: { id: articleId },
      select: { id: true, revisions: { orderBy: { number: 'desc' }, take: 1, select: { id: true } }, defaultAssignee: { select: { id: true, email: true, name: true } } },
    });
    if (!article) throw new AppError('not_found', 'No article with this id.');
    const assignee = await activeAssignee(tx, data.reviewerId);
    const revisionId = article.revisions[0]!.id;
    const claims = await tx.claim.findMany({
      where: { ...currentClaimsWhere(revisionId), status: { in: [...WAITING_STATUSES] } },
      select: { id: true, status: true, assigneeId: true, dueAt: true },
      orderBy: { ordinal: 'asc' },
    });
    const now = new Date();
    const due = data.due?.toISOString() ?? null;
    for (const c of claims) {
      const status = assignedStatus(c.status);
      await tx.claim.update({ where: { id: c.id }, data: { status, assigneeId: assignee.id, dueAt: data.due, assignedAt: now, version: { increment: 1 } } });
      await recordEvent(tx, {
        articleId, actorId: actor.id, type: 'claim.assigned', targetType: 'claim', targetId: c.id,
        before: { assigneeId: c.assigneeId, dueAt: c.dueAt?.toISOString() ?? null, status: c.status },
        after: { assigneeId: assignee.id, assignee: person(assignee), dueAt: due, status, withArticle: true },
      });
    }
    await tx.article.update({ where: { id: articleId }, data: { defaultAssigneeId: assignee.id } });
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'article.assigned', targetType: 'article', targetId: articleId,
      before: { assigneeId: article.defaultAssignee?.id ?? null, assignee: person(article.defaultAssignee) },
      after: { assigneeId: assignee.id, assignee: person(assignee), dueAt: due, claims: claims.length },
    });
    return { id: articleId, assigned: claims.length, assignee: { id: assignee.id, name: person(assignee)! }, dueAt: due };
  }, { timeout: 30_000 });
}
