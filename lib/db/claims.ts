// Review actions on a claim: verdicts, sources, dismissal. Each bumps the claim's version (so two
// reviewers cannot silently overwrite each other: a stale version gets 409) and writes its event in
// the same transaction.
import 'server-only';
import { AppError, parseInput } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import {
  dismissInputSchema, sourceInputSchema, verdictInputSchema,
  type DismissInput, type SourceInput, type VerdictInput,
} from '../verdicts/schema';
import { reuseInputSchema, type ReuseInput } from '../verdicts/relation-schema';
import { approveInputSchema, sendBackInputSchema, sourceRemoveInputSchema, type ApproveInput, type SendBackInput } from '../review-status/schema';
import { nextStatus, type ReviewMove } from '../review-status/status';
import { slotOf } from '../double-check/blind';
import { MERGED, NOT_A_CLAIM } from '../claims/edit-schema';
import { speakerInputSchema, type SpeakerInput } from '../verification/schema';
import { db, type Tx } from './client';
import { indexReviewedClaim } from './archive';
import { noteReviewChange } from './article-status';
import { recordEvent } from './events';
import { claimSelect, toClaimDto } from './claim-dto';
import { loadScale, ratingKeyFor } from './verdict-scale';

export async function findClaim(tx: Tx, id: string) {
  const claim = await tx.claim.findUnique({
    where: { id },
    select: {
      id: true, articleId: true, status: true, version: true, dismissReason: true, text: true, stale: true, archivedAt: true,
      assigneeId: true, secondAssigneeId: true,
      revision: { select: { number: true } },
    },
  });
  if (!claim) throw new AppError('not_found', 'No claim with this id. Reload the article: it may have a newer revision.');
  if (claim.archivedAt) {
    throw new AppError('conflict', claim.status === MERGED
      ? 'This claim was merged into its neighbour (its review stays in the history). Reload the article.'
      : `This claim's sentence was removed in a later draft (its review stays in the history). Reload the article.`);
  }
  // Reviewing it would bring back as a claim what a reviewer said is none; adding it again does that openly.
  if (claim.status === NOT_A_CLAIM) {
    throw new AppError('conflict', 'These words were marked "not a claim". To review them, select them in the text and add them as a claim again.');
  }
  return claim;
}

/** History notes a stale claim's review as the answer to its changed wording. */
const wasStale = (claim: { stale: boolean }) => (claim.stale ? { stale: true } : {});

export const STALE_VERSION_MESSAGE = 'Someone else changed this claim while you were working on it. Reload to see their change, then try again.';

/**
 * A stale version inside the transaction; `transact` answers it with the claim as it is now.
 * `claimId` names the stale claim when the write touches several (a merge of neighbours).
 */
export class StaleVersion extends AppError {
  constructor(readonly claimId?: string) {
    super('conflict', STALE_VERSION_MESSAGE);
  }
}

/** Moves the claim to its next version, or 409 if someone else changed it since `expected`. */
export async function bumpVersion(
  tx: Tx, id: string, expected: number,
  data: { status?: string; dismissReason?: string | null; stale?: boolean; approvedVerdictId?: string | null },
) {
  const { count } = await tx.claim.updateMany({ where: { id, version: expected }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new StaleVersion(id);
  return expected + 1;
}

/**
 * One claim write in a transaction. A stale version becomes a 409 carrying the claim as it is now
 * (`current`), read after the refused transaction rolled back (so it holds no lock while reading, and
 * shows nothing of the refused write): the screen shows the colleague's change beside the unsaved
 * input instead of asking for a reload that would lose it.
 */
export async function transact<T>(claimId: string | null, actor: Actor, fn: (tx: Tx) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  try {
    return await db().$transaction(fn, options);
  } catch (e) {
    if (!(e instanceof StaleVersion)) throw e;
    const id = e.claimId ?? claimId;
    const row = id ? await db().claim.findUnique({ where: { id }, select: claimSelect }) : null;
    throw new AppError('conflict', e.message, undefined, row ? { current: toClaimDto(row, actor, (await loadScale()).entries) } : undefined);
  }
}

/** The status a move leads to from the claim's status, or 409 saying why it is refused. */
export function moveTo(from: string, move: ReviewMove): string {
  const next = nextStatus(from, move);
  if (!next.ok) throw new AppError('conflict', next.reason);
  return next.status;
}

export async function recordVerdict(actor: Actor | null, claimId: string, input: VerdictInput | unknown) {
  assertCan(actor, 'claim:review');
  const data = parseInput(verdictInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    const rating = await ratingKeyFor(tx, data.rating);
    if (claim.secondAssigneeId) return recordBlindVerdict(tx, actor, claim, { ...data, rating });
    const previous = await tx.verdict.findFirst({
      where: { claimId }, orderBy: { createdAt: 'desc' },
      select: { id: true, rating: true, explanation: true, correction: true },
    });
    // A verdict on a stale claim is the reviewer's answer to the new wording, so it clears the flag.
    // An approval given to other words is not an approval of these (the claim was stale).
    const version = await bumpVersion(tx, claimId, data.version, {
      status: moveTo(claim.status, 'verdict'), dismissReason: null, stale: false, ...(claim.stale ? { approvedVerdictId: null } : {}),
    });
    const correction = data.correction ?? null;
    const verdict = await tx.verdict.create({
      data: {
        claimId, rating, explanation: data.explanation, correction, authorId: actor.id,
        correctionStatus: correction ? 'proposed' : null, revisionNumber: claim.revision.number,
      },
      select: { id: true, rating: true, explanation: true, correction: true, correctionStatus: true, revisionNumber: true, createdAt: true },
    });
    await indexReviewedClaim(tx, claimId, claim.text);
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'verdict.recorded', targetType: 'claim', targetId: claimId,
      before: previous
        ? { rating: previous.rating, explanation: previous.explanation, correction: previous.correction, status: claim.status, ...wasStale(claim) }
        : { status: claim.status, ...wasStale(claim) },
      after: {
        verdictId: verdict.id, rating: verdict.rating, explanation: verdict.explanation, correction: verdict.correction, status: 'reviewed',
        revision: verdict.revisionNumber,
      },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'verdict');
    return { verdict: { ...verdict, createdAt: verdict.createdAt.toISOString() }, version };
  });
}

type FoundClaim = Awaited<ReturnType<typeof findClaim>>;

/**
 * A rating on a claim under a blind double check (decision 031): stored apart (BlindVerdict), one per
 * reviewer's slot, changeable until the other is in. The claim stays in review until both are in, then
 * it is reviewed and waits for an editor to resolve. Only the two assigned reviewers rate: an editor
 * who wants their own verdict gives it when resolving.
 */
async function recordBlindVerdict(tx: Tx, actor: Actor, claim: FoundClaim, data: VerdictInput) {
  const slot = slotOf(actor.id, claim);
  if (slot === null) {
    throw new AppError('forbidden', 'This claim is checked blind by its two assigned reviewers, so only they rate it. An editor resolves it once both ratings are in.');
  }
  const rows = await tx.blindVerdict.findMany({ where: { claimId: claim.id }, select: { slot: true, rating: true, explanation: true, correction: true } });
  const mine = rows.find((r) => r.slot === slot);
  const other = rows.find((r) => r.slot !== slot);
  if (mine && other) throw new AppError('conflict', 'Both ratings of this double check are in, so they can no longer change. An editor resolves it now.');
  const inReview = moveTo(claim.status, 'blind_verdict');
  const status = other ? moveTo(inReview, 'verdict') : inReview;
  const version = await bumpVersion(tx, claim.id, data.version, { status, dismissReason: null, stale: false });
  const correction = data.correction ?? null;
  const fields = { rating: data.rating, explanation: data.explanation, correction, authorId: actor.id };
  const row = await tx.blindVerdict.upsert({
    where: { claimId_slot: { claimId: claim.id, slot } },
    create: { claimId: claim.id, slot, ...fields },
    update: fields,
    select: { id: true, rating: true, explanation: true, correction: true, updatedAt: true },
  });
  await recordEvent(tx, {
    articleId: claim.articleId, actorId: actor.id, type: 'verdict.blind', targetType: 'claim', targetId: claim.id,
    before: mine ? { slot, rating: mine.rating, explanation: mine.explanation, correction: mine.correction, status: claim.status } : { slot, status: claim.status },
    after: {
      slot, rating: row.rating, explanation: row.explanation, correction: row.correction, status, revision: claim.revision.number,
      bothIn: Boolean(other), ...(other ? { agree: other.rating === row.rating } : {}),
    },
  });
  await noteReviewChange(tx, claim.articleId, actor.id, 'blind verdict');
  return {
    verdict: {
      id: row.id, rating: row.rating, explanation: row.explanation, correction: row.correction, correctionStatus: null,
      revisionNumber: claim.revision.number, createdAt: row.updatedAt.toISOString(),
    },
    version, blind: { slot, bothIn: Boolean(other) },
  };
}

export async function attachSource(actor: Actor | null, claimId: string, input: SourceInput | unknown) {
  assertCan(actor, 'claim:review');
  const data = parseInput(sourceInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    const version = await bumpVersion(tx, claimId, data.version, { status: moveTo(claim.status, 'source') });
    const source = await tx.source.create({
      data: {
        claimId, url: data.url, title: data.title, publisher: data.publisher ?? '', quote: data.quote ?? '',
        stance: data.stance, createdById: actor.id,
      },
      select: { id: true, url: true, title: true, publisher: true, quote: true, stance: true, accessedAt: true },
    });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'source.added', targetType: 'claim', targetId: claimId,
      after: { sourceId: source.id, url: source.url, title: source.title, stance: source.stance, quote: source.quote },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'source added');
    return { ...source, accessedAt: source.accessedAt.toISOString(), version };
  });
}

/** Hides a source from the claim; the row and its event stay, so the evidence trail is complete. */
export async function removeSource(actor: Actor | null, claimId: string, sourceId: string, input: { version: number } | unknown) {
  assertCan(actor, 'claim:review');
  const data = parseInput(sourceRemoveInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    const source = await tx.source.findFirst({
      where: { id: sourceId, claimId },
      select: { id: true, url: true, title: true, stance: true },
    });
    if (!source) throw new AppError('not_found', 'That source is not on this claim. Reload the claim to see its sources.');
    // The version first: one lock on the claim row orders concurrent removals.
    const version = await bumpVersion(tx, claimId, data.version, { status: moveTo(claim.status, 'source') });
    // Conditional on removedAt still being null: on PostgreSQL concurrent removals can all pass a
    // read, and only this check in the write lets exactly one of them win (and record the event).
    const { count } = await tx.source.updateMany({ where: { id: sourceId, claimId, removedAt: null }, data: { removedAt: new Date() } });
    if (count === 0) throw new AppError('conflict', 'This source has already been removed, perhaps by another reviewer. Reload the claim to see its sources.');
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'source.removed', targetType: 'claim', targetId: claimId,
      before: { sourceId: source.id, url: source.url, title: source.title, stance: source.stance },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'source removed');
    return { id: sourceId, version };
    // A burst of removals queues for PostgreSQL's pool; wait as long as SQLite waits for its lock
    // (lib/db/client.ts) rather than failing after Prisma's default 2 s with a 500.
  }, { maxWait: 10_000, timeout: 15_000 });
}

export async function dismissClaim(actor: Actor | null, claimId: string, input: DismissInput | unknown) {
  assertCan(actor, 'claim:review');
  const data = parseInput(dismissInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    // A dismissed claim cannot be rated or resolved, so its double check would never end (decision 031).
    if (claim.secondAssigneeId) throw new AppError('conflict', 'This claim is being double-checked: resolve it (or remove the second reviewer) before dismissing it.');
    const version = await bumpVersion(tx, claimId, data.version, { status: moveTo(claim.status, 'dismiss'), dismissReason: data.reason, stale: false });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'claim.dismissed', targetType: 'claim', targetId: claimId,
      before: { status: claim.status, dismissReason: claim.dismissReason, ...wasStale(claim) },
      after: { status: 'dismissed', dismissReason: data.reason, revision: claim.revision.number },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'dismissal');
    return { id: claimId, status: 'dismissed', version };
  });
}

/**
 * Copies another claim's current verdict and sources onto this one: the one-click answer to "same
 * fact as claim 7" and to "we checked this last month". The event names where they came from.
 */
export async function reuseReview(actor: Actor | null, claimId: string, input: ReuseInput | unknown) {
  assertCan(actor, 'claim:review');
  const data = parseInput(reuseInputSchema, input);
  if (data.from === claimId) throw new AppError('invalid', 'A claim cannot reuse its own review.', { from: 'Same claim.' });
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    // A double-checked claim gets two independent ratings; a copied one would be neither.
    if (claim.secondAssigneeId) throw new AppError('conflict', 'This claim is checked blind by two reviewers: rate it yourself rather than reuse a review.');
    const from = await tx.claim.findUnique({
      where: { id: data.from },
      select: {
        id: true, ordinal: true, articleId: true, article: { select: { title: true } }, secondAssigneeId: true,
        verdicts: { orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, rating: true, explanation: true, correction: true } },
        sources: { where: { removedAt: null }, select: { url: true, title: true, publisher: true, quote: true, stance: true, accessedAt: true } },
      },
    });
    if (!from) throw new AppError('not_found', 'The claim to reuse no longer exists.');
    // Its sources may be a blind reviewer's, hidden from this one until both ratings are in.
    if (from.secondAssigneeId) throw new AppError('conflict', 'That claim is still being double-checked; its review can be reused once an editor has resolved it.');
    const verdict = from.verdicts[0];
    if (!verdict) throw new AppError('invalid', 'That claim has no verdict yet, so there is nothing to reuse.', { from: 'No verdict.' });
    const version = await bumpVersion(tx, claimId, data.version, {
      status: moveTo(claim.status, 'verdict'), dismissReason: null, stale: false, ...(claim.stale ? { approvedVerdictId: null } : {}),
    });
    const created = await tx.verdict.create({
      // The correction is wording for the other sentence, so it is not carried over.
      data: { claimId, rating: verdict.rating, explanation: verdict.explanation, correction: null, authorId: actor.id, revisionNumber: claim.revision.number },
      select: { id: true, rating: true },
    });
    await indexReviewedClaim(tx, claimId, claim.text);
    if (from.sources.length) {
      await tx.source.createMany({ data: from.sources.map((s) => ({ ...s, claimId, createdById: actor.id })) });
    }
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'review.reused', targetType: 'claim', targetId: claimId,
      before: { status: claim.status },
      after: {
        verdictId: created.id, rating: created.rating, sources: from.sources.length, fromClaimId: from.id, fromVerdictId: verdict.id,
        fromArticleId: from.articleId, fromArticleTitle: from.article.title, fromClaimOrdinal: from.ordinal,
        revision: claim.revision.number,
      },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'review reused');
    return { verdict: created, version, sources: from.sources.length };
  });
}

/** A reviewer corrects who a claim is attributed to (ClaimReview itemReviewed.author). */
export async function setSpeaker(actor: Actor | null, claimId: string, input: SpeakerInput | unknown) {
  assertCan(actor, 'claim:review');
  const data = parseInput(speakerInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    const before = await tx.claim.findUnique({ where: { id: claimId }, select: { speaker: true, speakerType: true } });
    const version = await bumpVersion(tx, claimId, data.version, {});
    await tx.claim.update({ where: { id: claimId }, data: { speaker: data.name || null, speakerType: data.name ? data.type : null } });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'claim.speaker-set', targetType: 'claim', targetId: claimId,
      before: { speaker: before?.speaker ?? null, type: before?.speakerType ?? null }, after: { speaker: data.name || null, type: data.name ? data.type : null },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'speaker corrected');
    return { id: claimId, version };
  });
}

/** The claim's latest verdict and the article's approval setting: what approve and send-back act on. */
async function latestVerdict(tx: Tx, claimId: string) {
  return tx.verdict.findFirst({
    where: { claimId }, orderBy: { createdAt: 'desc' },
    select: { id: true, rating: true, authorId: true, approvedAt: true },
  });
}

/**
 * An editor approves the claim's latest verdict: it becomes the claim's current verdict, the one
 * every export publishes. Approving your own verdict is refused: approval is a second person's check
 * (a desk without a second editor turns approval off for the article; decision 018).
 */
export async function approveVerdict(actor: Actor | null, claimId: string, input: ApproveInput | unknown) {
  assertCan(actor, 'claim:approve');
  const data = parseInput(approveInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    if (claim.secondAssigneeId) throw new AppError('conflict', 'This claim is double-checked: resolve it (choose one of the two ratings or give your own) instead of approving.');
    const verdict = await latestVerdict(tx, claimId);
    const status = moveTo(verdict ? claim.status : 'open', 'approve');
    // The verdict was given on words a new draft has changed: it is re-rated, not approved.
    if (claim.stale) throw new AppError('conflict', 'The wording changed in a new draft since this verdict: the reviewer checks it again before it can be approved.');
    if (verdict!.authorId === actor.id) {
      throw new AppError('forbidden', 'You gave this verdict, so another editor approves it. (An article without a second editor can switch approval off.)');
    }
    const version = await bumpVersion(tx, claimId, data.version, { status, approvedVerdictId: verdict!.id });
    await tx.verdict.update({ where: { id: verdict!.id }, data: { approvedAt: new Date() } });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'verdict.approved', targetType: 'claim', targetId: claimId,
      before: { status: claim.status }, after: { status, verdictId: verdict!.id, rating: verdict!.rating, revision: claim.revision.number },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'verdict approved');
    return { id: claimId, status, version, verdictId: verdict!.id };
  });
}

/**
 * An editor sends the claim's verdict back to review with a comment saying what is missing. The
 * comment lives in the event's payload (history is where a reviewer looks for it). Sending back an
 * approved verdict withdraws its approval: the claim publishes nothing until it is approved again.
 */
export async function sendBack(actor: Actor | null, claimId: string, input: SendBackInput | unknown) {
  assertCan(actor, 'claim:approve');
  const data = parseInput(sendBackInputSchema, input);
  return transact(claimId, actor, async (tx) => {
    const claim = await findClaim(tx, claimId);
    // The claim's ordinary verdict is not what the pair is rating: sending it back would move a claim
    // awaiting resolution back to review, where neither reviewer may rate again.
    if (claim.secondAssigneeId) throw new AppError('conflict', 'This claim is double-checked: resolve it (choose one of the two ratings or give your own) instead of sending it back.');
    const verdict = await latestVerdict(tx, claimId);
    const status = moveTo(verdict ? claim.status : 'open', 'send_back');
    const current = await tx.claim.findUnique({ where: { id: claimId }, select: { approvedVerdictId: true } });
    const withdraws = current?.approvedVerdictId === verdict!.id;
    const version = await bumpVersion(tx, claimId, data.version, { status, ...(withdraws ? { approvedVerdictId: null } : {}) });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'verdict.sent-back', targetType: 'claim', targetId: claimId,
      before: { status: claim.status, ...(withdraws ? { approved: true } : {}) },
      after: { status, verdictId: verdict!.id, rating: verdict!.rating, comment: data.comment, revision: claim.revision.number },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'verdict sent back');
    return { id: claimId, status, version };
  });
}
