// The editor's side of the verified version: deciding corrections, the public URL and the
// corrections note, and the publish gate. Each decision is written to history in its transaction.
import 'server-only';
import { AppError, parseInput } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { checkGate, type GateItem } from '../verification/gate';
import {
  articleUpdateSchema, correctionDecisionSchema, verifyInputSchema,
  type ArticleUpdate, type CorrectionDecision, type VerifyInput,
} from '../verification/schema';
import { noteReviewChange } from './article-status';
import { claimSelect, currentClaimsWhere, toClaimDto } from './claim-dto';
import { db, type Tx } from './client';
import { recordEvent } from './events';
import { bumpVersion, transact } from './claims';

/** The current draft's claims as the gate sees them. */
async function gateFor(tx: Tx, articleId: string) {
  const revision = await tx.revision.findFirst({ where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, number: true } });
  if (!revision) throw new AppError('not_found', 'No article with this id.');
  const claims = await tx.claim.findMany({ where: currentClaimsWhere(revision.id), orderBy: { ordinal: 'asc' }, select: claimSelect });
  return { revision, gate: checkGate(claims.map((c) => toClaimDto(c, 'all'))) };
}

export class GateError extends AppError {
  constructor(readonly missing: GateItem[]) {
    super('conflict', `The article cannot be marked verified yet: ${missing.length} claim${missing.length === 1 ? ' needs' : 's need'} attention. Review them, or override the gate with a written reason.`, undefined, { missing });
  }
}

/**
 * Marks the article verified when the gate is met; with `override` (a written reason) an editor may
 * verify it anyway: the reason is in history and printed in every export. 409 lists what is missing.
 */
export async function verifyArticle(actor: Actor | null, articleId: string, input: VerifyInput | unknown) {
  assertCan(actor, 'article:verify');
  const { override } = parseInput(verifyInputSchema, input ?? {});
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true } });
    if (!article) throw new AppError('not_found', 'No article with this id.');
    const { revision, gate } = await gateFor(tx, articleId);
    if (!gate.ok && !override) throw new GateError(gate.missing);
    if (article.status === 'verified' || article.status === 'exported') {
      throw new AppError('conflict', 'The article is already verified. A change to its review or a new draft returns it to review.');
    }
    const verifiedAt = new Date();
    // Guarded on the status read above, so two editors verifying at once record it once.
    const { count } = await tx.article.updateMany({
      where: { id: articleId, status: article.status },
      data: { status: 'verified', verifiedAt, verifiedRevision: revision.number, overrideReason: gate.ok ? null : override! },
    });
    if (count === 0) throw new AppError('conflict', 'Someone else changed the article meanwhile. Reload and try again.');
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'article.verified', targetType: 'article', targetId: articleId,
      before: { status: article.status },
      after: {
        status: 'verified', revision: revision.number,
        ...(gate.ok ? {} : { override, missing: gate.missing.map((m) => ({ claim: m.ordinal, problem: m.problem })) }),
      },
    });
    return { status: 'verified', revision: revision.number, overridden: !gate.ok, missing: gate.missing, verifiedAt: verifiedAt.toISOString() };
  });
}

/** An editor accepts or rejects the correction on a claim's current verdict. */
export async function decideCorrection(actor: Actor | null, claimId: string, input: CorrectionDecision | unknown) {
  assertCan(actor, 'article:verify');
  const data = parseInput(correctionDecisionSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await tx.claim.findUnique({
      where: { id: claimId },
      select: {
        articleId: true, archivedAt: true, quote: true,
        verdicts: { orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, correction: true, correctionStatus: true } },
      },
    });
    if (!claim) throw new AppError('not_found', 'No claim with this id.');
    if (claim.archivedAt) throw new AppError('conflict', "This claim's sentence was removed in a later draft. Reload the article.");
    const verdict = claim.verdicts[0];
    if (!verdict?.correction) throw new AppError('invalid', 'This claim has no correction to decide on.', { decision: 'No correction.' });
    await bumpVersion(tx, claimId, data.version, {});
    // After the version check, so a stale page first gets the conflict panel with the colleague's
    // verdict; a retry from that panel still names the verdict it read, and lands here if it was replaced.
    if (data.verdictId && data.verdictId !== verdict.id) {
      throw new AppError('conflict', 'The correction you were deciding on belongs to a verdict that has since been replaced by a newer one. Nothing was changed: read the new verdict, then decide on its correction.');
    }
    const status = data.decision === 'accept' ? 'accepted' : 'rejected';
    await tx.verdict.update({ where: { id: verdict.id }, data: { correctionStatus: status, correctionDecidedAt: new Date() } });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: data.decision === 'accept' ? 'correction.accepted' : 'correction.rejected',
      targetType: 'claim', targetId: claimId,
      before: { quote: claim.quote, correctionStatus: verdict.correctionStatus }, after: { correction: verdict.correction, correctionStatus: status, verdictId: verdict.id },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, `correction ${status}`);
    return { id: claimId, correctionStatus: status, version: data.version + 1 };
  });
}

/** The public URL of the fact check and the editor's wording of the corrections note. */
export async function updateArticle(actor: Actor | null, articleId: string, input: ArticleUpdate | unknown) {
  assertCan(actor, 'article:verify');
  const data = parseInput(articleUpdateSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id: articleId }, select: { publicUrl: true, correctionsNote: true } });
    if (!before) throw new AppError('not_found', 'No article with this id.');
    const change: { publicUrl?: string | null; correctionsNote?: string | null } = {};
    if (data.publicUrl !== undefined && data.publicUrl !== before.publicUrl) change.publicUrl = data.publicUrl;
    if (data.correctionsNote !== undefined && data.correctionsNote !== before.correctionsNote) change.correctionsNote = data.correctionsNote;
    if (Object.keys(change).length === 0) return { publicUrl: before.publicUrl, correctionsNote: before.correctionsNote };
    const after = await tx.article.update({ where: { id: articleId }, data: change, select: { publicUrl: true, correctionsNote: true } });
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'article.updated', targetType: 'article', targetId: articleId,
      before: Object.fromEntries(Object.keys(change).map((k) => [k, before[k as keyof typeof before]])), after: change,
    });
    // What gets published changed, so a verification given before it no longer holds.
    await noteReviewChange(tx, articleId, actor.id, Object.keys(change).join(' and '));
    return after;
  });
}
