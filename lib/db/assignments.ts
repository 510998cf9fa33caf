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

export type AssignResult = {
  id: string; version: number; status: string; assignee: { id: string; name: string }; dueAt: string | null;
  secondAssignee: { id: string; name: string } | null;
};

type PairClaim = { id: string; assigneeId: string | null; secondAssigneeId: string | null };

/**
 * The claim's second reviewer after an assignment (decision 031): `requested` undefined keeps the
 * current one (so callers that know nothing of double checks keep working), null removes it. A
 * reviewer who has already rated blind stays on the claim until an editor resolves it: replacing
 * them would throw away a rating the other reviewer has not seen, or let a newcomer read the pair.
 */
async function secondReviewerFor(
  tx: Tx, claim: PairClaim, reviewerId: string, requested: string | null | undefined, doubleCheck: boolean,
): Promise<{ id: string; email: string; name: string } | null> {
  const secondId = requested === undefined ? claim.secondAssigneeId : requested;
  if (requested && !doubleCheck) {
    throw new AppError('conflict', 'Turn on "two independent verdicts" for this article before assigning a second reviewer.');
  }
  if (secondId && secondId === reviewerId) {
    throw new AppError('invalid', 'A double check needs two different reviewers.', { secondReviewerId: 'Same person as the first reviewer.' });
  }
  const rows = await tx.blindVerdict.findMany({ where: { claimId: claim.id }, select: { slot: true, authorId: true, author: { select: { name: true, email: true } } } });
  if (!claim.secondAssigneeId && secondId && rows.length === 2) {
    throw new AppError('conflict', 'This claim was double-checked and resolved already; its two ratings are in its history.');
  }
  if (claim.secondAssigneeId) {
    if (!secondId && rows.length > 0) throw new AppError('conflict', 'A blind rating is in already: resolve the double check rather than cancel it.');
    for (const r of rows) {
      if ((r.slot === 1 ? reviewerId : secondId) !== r.authorId) {
        throw new AppError('conflict', `${person(r.author)} has already rated this claim blind, so they stay on it until an editor resolves the double check.`);
      }
    }
  }
  if (!secondId) return null;
  if (secondId === claim.secondAssigneeId && requested === undefined) {
    return tx.user.findUniqueOrThrow({ where: { id: secondId }, select: { id: true, email: true, name: true } });
  }
  const user = await tx.user.findUnique({ where: { id: secondId }, select: { id: true, email: true, name: true, deactivatedAt: true } });
  if (!user || user.deactivatedAt) throw new AppError('invalid', 'Choose an active account as the second reviewer.', { secondReviewerId: 'Not an active account.' });
  return { id: user.id, email: user.email, name: user.name };
}

const claimsWord = (n: number) => (n === 1 ? '1 claim' : `${n} claims`);

/** What an article assignment did to double checks, in words for the editor; null when nothing. */
function pairNote(kept: number, cleared: number, name: string): string | null {
  const parts = [
    kept ? `${claimsWord(kept)} kept ${kept === 1 ? 'its' : 'their'} double-check pair: a blind rating is in, so resolve ${kept === 1 ? 'it' : 'them'} first.` : '',
    cleared ? `${claimsWord(cleared)} had ${name} as second reviewer and no rating yet: the double check was removed, so ${name} reviews ${cleared === 1 ? 'it' : 'them'} alone.` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

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
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    const assignee = await activeAssignee(tx, data.reviewerId);
    const before = await tx.claim.findUnique({
      where: { id: claimId },
      select: {
        dueAt: true, assignee: { select: { id: true, email: true, name: true } }, secondAssignee: { select: { id: true, email: true, name: true } },
        article: { select: { doubleCheck: true } },
      },
    });
    const second = await secondReviewerFor(tx, claim, assignee.id, data.secondReviewerId, before!.article.doubleCheck);
    const status = assignedStatus(claim.status);
    const version = await bumpVersion(tx, claimId, data.version, { status });
    await tx.claim.update({ where: { id: claimId }, data: { assigneeId: assignee.id, dueAt: data.due, assignedAt: new Date(), secondAssigneeId: second?.id ?? null } });
    const pairBefore = before?.secondAssignee ? { secondAssigneeId: before.secondAssignee.id, secondAssignee: person(before.secondAssignee) } : {};
    const pairAfter = second ? { secondAssigneeId: second.id, secondAssignee: person(second) } : {};
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'claim.assigned', targetType: 'claim', targetId: claimId,
      before: { assigneeId: before?.assignee?.id ?? null, assignee: person(before?.assignee ?? null), dueAt: before?.dueAt?.toISOString() ?? null, status: claim.status, ...pairBefore },
      after: { assigneeId: assignee.id, assignee: person(assignee), dueAt: data.due?.toISOString() ?? null, status, ...pairAfter },
    });
    return {
      id: claimId, version, status, assignee: { id: assignee.id, name: person(assignee)! }, dueAt: data.due?.toISOString() ?? null,
      secondAssignee: second ? { id: second.id, name: person(second)! } : null,
    };
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
      select: {
        id: true, doubleCheck: true, revisions: { orderBy: { number: 'desc' }, take: 1, select: { id: true } },
        defaultAssignee: { select: { id: true, email: true, name: true } },
      },
    });
    if (!article) throw new AppError('not_found', 'No article with this id.');
    const assignee = await activeAssignee(tx, data.reviewerId);
    const revisionId = article.revisions[0]!.id;
    const claims = await tx.claim.findMany({
      where: { ...currentClaimsWhere(revisionId), status: { in: [...WAITING_STATUSES] } },
      select: { id: true, status: true, assigneeId: true, secondAssigneeId: true, dueAt: true },
      orderBy: { ordinal: 'asc' },
    });
    const now = new Date();
    const due = data.due?.toISOString() ?? null;
    let kept = 0;
    let cleared = 0;
    for (const c of claims) {
      let second: Awaited<ReturnType<typeof secondReviewerFor>>;
      if (data.secondReviewerId === undefined && c.secondAssigneeId === assignee.id) {
        // The editor gives the article to this claim's second reviewer and names no second one:
        // keeping the pair would make one person both reviewers. With a blind rating in, the pair
        // stays as it is (a rating cannot be thrown away); with none, the double check is cleared
        // and the claim becomes theirs alone. The reply counts both, so the editor knows.
        if (await tx.blindVerdict.count({ where: { claimId: c.id } }) > 0) { kept++; continue; }
        second = null;
        cleared++;
      } else try {
        second = await secondReviewerFor(tx, c, assignee.id, data.secondReviewerId, article.doubleCheck);
      } catch (e) {
        // A claim whose double check has a rating in keeps its pair (see secondReviewerFor); the rest
        // of the article is still assigned. Other refusals (setting off, same person) stop it all.
        if (e instanceof AppError && e.code === 'conflict' && article.doubleCheck) { kept++; continue; }
        throw e;
      }
      const status = assignedStatus(c.status);
      await tx.claim.update({ where: { id: c.id }, data: { status, assigneeId: assignee.id, dueAt: data.due, assignedAt: now, secondAssigneeId: second?.id ?? null, version: { increment: 1 } } });
      await recordEvent(tx, {
        articleId, actorId: actor.id, type: 'claim.assigned', targetType: 'claim', targetId: c.id,
        before: { assigneeId: c.assigneeId, dueAt: c.dueAt?.toISOString() ?? null, status: c.status, ...(c.secondAssigneeId ? { secondAssigneeId: c.secondAssigneeId } : {}) },
        after: {
          assigneeId: assignee.id, assignee: person(assignee), dueAt: due, status, withArticle: true,
          ...(second ? { secondAssigneeId: second.id, secondAssignee: person(second) } : {}),
        },
      });
    }
    await tx.article.update({ where: { id: articleId }, data: { defaultAssigneeId: assignee.id } });
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'article.assigned', targetType: 'article', targetId: articleId,
      before: { assigneeId: article.defaultAssignee?.id ?? null, assignee: person(article.defaultAssignee) },
      after: { assigneeId: assignee.id, assignee: person(assignee), dueAt: due, claims: claims.length - kept, ...(data.secondReviewerId ? { secondAssigneeId: data.secondReviewerId } : {}) },
    });
    return {
      id: articleId, assigned: claims.length - kept, keptPair: kept, clearedPair: cleared, note: pairNote(kept, cleared, person(assignee)!),
      assignee: { id: assignee.id, name: person(assignee)! }, dueAt: due,
    };
  }, { timeout: 30_000 });
}
