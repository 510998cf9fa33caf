// Blind double verification (decision 031): the per-article setting, the editor's resolution and
// the agreement figures. The blind rating itself is a verdict write (recordVerdict in ./claims.ts)
// and who sees what is lib/double-check/blind.ts.
import 'server-only';
import { AppError, parseInput } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { agreement, type Agreement, type RatingPair } from '../agreement/kappa';
import { doubleCheckSettingSchema, resolveInputSchema, type ResolveInput } from '../double-check/schema';
import { indexReviewedClaim } from './archive';
import { noteReviewChange } from './article-status';
import { bumpVersion, findClaim, moveTo, transact } from './claims';
import { db } from './client';
import { recordEvent } from './events';
import { ratingKeyFor } from './verdict-scale';

/**
 * Turns "two independent verdicts" on or off for an article (editor and up). The body names the state
 * wanted, not a flip, so a repeated or stale request cannot undo a colleague's choice: no version is
 * needed. Off is refused while a claim still has a second reviewer: its blind check would be left
 * neither finished nor cancelled.
 */
export async function setDoubleCheck(actor: Actor | null, articleId: string, input: unknown) {
  assertCan(actor, 'claim:assign');
  const { doubleCheck } = parseInput(doubleCheckSettingSchema, input);
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { doubleCheck: true } });
    if (!article) throw new AppError('not_found', 'No article with this id.');
    if (article.doubleCheck === doubleCheck) return { id: articleId, doubleCheck };
    if (!doubleCheck) {
      const running = await tx.claim.count({ where: { articleId, secondAssigneeId: { not: null }, archivedAt: null } });
      if (running > 0) {
        throw new AppError('conflict', `${running} claim${running === 1 ? ' is' : 's are'} being double-checked. Resolve ${running === 1 ? 'it' : 'them'} (or remove the second reviewer) before turning this off.`);
      }
    }
    await tx.article.update({ where: { id: articleId }, data: { doubleCheck } });
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'article.double-check-set', targetType: 'article', targetId: articleId,
      before: { doubleCheck: article.doubleCheck }, after: { doubleCheck },
    });
    return { id: articleId, doubleCheck };
  });
}

/**
 * The editor resolves a double check whose two ratings are in: one of them, or their own verdict,
 * becomes the claim's approved verdict at once (the resolution is the approval; a second approval step
 * would ask the same editor the same question). The chosen rating is copied into a Verdict under its
 * reviewer's name, so every reader of verdicts (exports, archive, dashboard) sees it like any other;
 * the two blind ratings stay for the agreement figures. The claim then leaves the double check.
 */
export async function resolveDoubleCheck(actor: Actor | null, claimId: string, input: ResolveInput | unknown) {
  assertCan(actor, 'claim:approve');
  const data = parseInput(resolveInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    if (!claim.secondAssigneeId) throw new AppError('conflict', 'This claim has no double check to resolve.');
    const rows = await tx.blindVerdict.findMany({
      where: { claimId }, orderBy: { slot: 'asc' },
      select: { slot: true, rating: true, explanation: true, correction: true, authorId: true, author: { select: { name: true, email: true } } },
    });
    const [first, second] = [rows.find((r) => r.slot === 1), rows.find((r) => r.slot === 2)];
    const status = moveTo(first && second ? claim.status : 'in_review', 'resolve');
    const chosen = data.choose === 'first' ? first! : data.choose === 'second' ? second! : null;
    const verdictData = chosen
      ? { rating: chosen.rating, explanation: chosen.explanation, correction: chosen.correction, authorId: chosen.authorId }
      : { rating: await ratingKeyFor(tx, data.rating!), explanation: data.explanation!, correction: data.correction ?? null, authorId: actor.id };
    const version = await bumpVersion(tx, claimId, data.version, { status, stale: false, dismissReason: null });
    const now = new Date();
    const verdict = await tx.verdict.create({
      data: { claimId, ...verdictData, correctionStatus: verdictData.correction ? 'proposed' : null, revisionNumber: claim.revision.number, approvedAt: now },
      select: { id: true, rating: true },
    });
    await tx.claim.update({ where: { id: claimId }, data: { approvedVerdictId: verdict.id, secondAssigneeId: null } });
    await indexReviewedClaim(tx, claimId, claim.text);
    const side = (r: NonNullable<typeof first>) => ({ rating: r.rating, author: r.author.name || r.author.email });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'double.resolved', targetType: 'claim', targetId: claimId,
      before: { status: claim.status, first: side(first!), second: side(second!), agree: first!.rating === second!.rating },
      after: {
        status, verdictId: verdict.id, rating: verdict.rating, explanation: verdictData.explanation, correction: verdictData.correction,
        chosen: data.choose ?? 'editor', revision: claim.revision.number,
      },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'double check resolved');
    return { id: claimId, status, version, verdictId: verdict.id, rating: verdict.rating };
  });
}

export type AgreementFigures = Agreement & { scope: 'article' | 'desk' };

/**
 * Agreement over the double-checked claims with both ratings in (resolved or not), for one article or
 * the whole desk. Anyone signed in may read it for an article (it names no rating and no person);
 * during a blind check a pair is counted only once both are in, so the figure reveals nothing early.
 */
export async function agreementFigures(actor: Actor | null, articleId?: string): Promise<AgreementFigures> {
  assertCan(actor, articleId ? 'article:read' : 'desk:dashboard');
  if (articleId && !(await db().article.findUnique({ where: { id: articleId }, select: { id: true } }))) {
    throw new AppError('not_found', 'No article with this id.');
  }
  const rows = await db().blindVerdict.findMany({
    where: articleId ? { claim: { articleId } } : {},
    select: { claimId: true, slot: true, rating: true },
    orderBy: [{ claimId: 'asc' }, { slot: 'asc' }],
  });
  const byClaim = new Map<string, { first?: string; second?: string }>();
  for (const r of rows) {
    const pair = byClaim.get(r.claimId) ?? {};
    if (r.slot === 1) pair.first = r.rating; else pair.second = r.rating;
    byClaim.set(r.claimId, pair);
  }
  const pairs: RatingPair[] = [...byClaim.values()].flatMap((p) => (p.first && p.second ? [[p.first, p.second] as const] : []));
  return { ...agreement(pairs), scope: articleId ? 'article' : 'desk' };
}
