// Correcting the extraction by hand (issue 9): add a claim from a span of the text, resize, split,
// merge neighbours, mark a span "not a claim". Each is a versioned write on the current draft with its
// history event in the same transaction; the events carry the sentence and span, so they double as
// labelled data for the model (lib/db/feedback.ts). See docs/decisions/014-correcting-the-extraction.md.
import 'server-only';
import { AppError, parseInput } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import {
  addClaimSchema, mergeClaimsSchema, MERGED, NOT_A_CLAIM, notAClaimSchema, resizeClaimSchema, splitClaimSchema,
  type AddClaimInput, type MergeClaimsInput, type NotAClaimInput, type ResizeClaimInput, type SplitClaimInput,
} from '../claims/edit-schema';
import { analyseSpan, checkSpan, findOverlap, type SpanAnalysis } from '../claims/span';
import { splitSentences } from '../claims/sentences';
import { trimSpan } from '../claims/words';
import { noteReviewChange } from './article-status';
import { CONTEXT_CHARS } from './articles';
import { claimSelect, currentClaimsWhere, toClaimDto, type ClaimDto } from './claim-dto';
import { loadScale } from './verdict-scale';
import { db, type Tx } from './client';
import { StaleVersion, transact } from './claims';
import { recordEvent } from './events';

const TX = { timeout: 30_000 };

/**
 * Every edit starts by writing the article row: on PostgreSQL that row lock queues concurrent edits
 * of one article (SQLite has one writer anyway), so the overlap check and the renumbering below
 * always see the other edit's result instead of racing it.
 */
async function lockArticle(tx: Tx, articleId: string) {
  const article = await tx.article.update({ where: { id: articleId }, data: { updatedAt: new Date() }, select: { id: true } })
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === 'P2025') throw new AppError('not_found', 'No article with this id. It may have been removed, or the link is wrong.');
      throw e;
    });
  const revision = await tx.revision.findFirst({
    where: { articleId: article.id }, orderBy: { number: 'desc' }, select: { id: true, number: true, text: true },
  });
  if (!revision) throw new AppError('not_found', 'No article with this id. It may have been removed, or the link is wrong.');
  return revision;
}

const editSelect = {
  id: true, articleId: true, revisionId: true, ordinal: true, start: true, end: true, quote: true, status: true, version: true,
  stale: true, previousQuote: true, archivedAt: true, secondAssigneeId: true,
  verdicts: { orderBy: { createdAt: 'desc' as const }, take: 1, select: { rating: true } },
} as const;

type EditClaim = {
  id: string; articleId: string; revisionId: string; ordinal: number; start: number; end: number; quote: string; status: string;
  version: number; stale: boolean; previousQuote: string | null; archivedAt: Date | null; secondAssigneeId: string | null;
  verdicts: Array<{ rating: string }>;
};

const WORDS_UNDER_DOUBLE_CHECK = 'This claim is being double-checked; resolve it (or remove the second reviewer) before changing its words.';

/**
 * 409 while any of the claims is under a running double check (decision 031, review fixes): a split
 * copies the blind sources onto a new claim that has no second reviewer, so everyone would see them;
 * a merge hands them to the surviving claim and its readers; and either changes the words the two
 * reviewers are rating.
 */
function assertNotDoubleChecked(claims: EditClaim[], message = WORDS_UNDER_DOUBLE_CHECK) {
  if (claims.some((c) => c.secondAssigneeId)) throw new AppError('conflict', message);
}

/** A claim that may be corrected: present, on the current draft, and a claim (404 / 409 otherwise). */
function assertEditable(claim: EditClaim | null, revisionId: string): asserts claim is EditClaim {
  if (!claim) throw new AppError('not_found', 'No claim with this id. Reload the article: it may have a newer draft.');
  if (claim.archivedAt) {
    throw new AppError('conflict', claim.status === MERGED
      ? 'This claim was merged into its neighbour. Reload the article.'
      : "This claim's sentence was removed in a later draft, so its span can no longer change. Reload the article.");
  }
  if (claim.status === NOT_A_CLAIM) {
    throw new AppError('conflict', 'These words were marked "not a claim". Select them in the text and add them as a claim again instead.');
  }
  if (claim.revisionId !== revisionId) throw new AppError('conflict', 'A new draft was loaded meanwhile. Reload the article.');
}

/** Locks the claim's article, then reads the claim as it is now (ordinals may have moved meanwhile). */
async function lockClaim(tx: Tx, claimId: string) {
  const owner = await tx.claim.findUnique({ where: { id: claimId }, select: { articleId: true } });
  if (!owner) throw new AppError('not_found', 'No claim with this id. Reload the article: it may have a newer draft.');
  const revision = await lockArticle(tx, owner.articleId);
  const claim = await tx.claim.findUnique({ where: { id: claimId }, select: editSelect });
  assertEditable(claim, revision.id);
  return { claim, revision };
}

/** Moves the claim to its next version, or 409 if it changed since `expected` (or left this draft). */
async function bumpVersion(tx: Tx, claim: EditClaim, expected: number, data: Record<string, unknown>) {
  const { count } = await tx.claim.updateMany({
    where: { id: claim.id, version: expected, revisionId: claim.revisionId, archivedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleVersion(claim.id);
  return expected + 1;
}

/** The 422 for a span outside the text or empty; otherwise the span with its ends trimmed. */
function validSpan(text: string, start: number, end: number) {
  const check = checkSpan(text, start, end);
  if (!check.ok) throw new AppError('invalid', check.message, { [check.field]: check.message });
  return { start: check.start, end: check.end };
}

async function visibleClaims(tx: Tx, revisionId: string) {
  return tx.claim.findMany({ where: currentClaimsWhere(revisionId), orderBy: { start: 'asc' }, select: { id: true, ordinal: true, start: true, end: true, quote: true } });
}

const short = (quote: string) => (quote.length > 80 ? `${quote.slice(0, 77)}…` : quote);

/** 422 when the span shares words with another claim: the screen shows one claim per word. */
function assertNoOverlap(span: { start: number; end: number }, others: Array<{ ordinal: number; start: number; end: number; quote: string }>) {
  const hit = findOverlap(span, others);
  if (hit) {
    const message = `These words overlap claim ${hit.ordinal} ("${short(hit.quote)}"). Resize or split that claim instead, or choose words outside it.`;
    throw new AppError('invalid', message, { start: message });
  }
}

/** The stored columns a span's analysis sets, with the context that re-anchors it in later drafts. */
function spanColumns(text: string, a: SpanAnalysis) {
  return {
    start: a.start, end: a.end, quote: a.quote, text: a.text,
    contextBefore: text.slice(Math.max(0, a.start - CONTEXT_CHARS), a.start),
    contextAfter: text.slice(a.end, a.end + CONTEXT_CHARS),
    type: a.type, score: a.score, checkworthy: true,
    flags: JSON.stringify(a.flags), entities: JSON.stringify(a.entities), numbers: JSON.stringify(a.numbers),
    antecedent: a.antecedent ?? null,
  };
}

/** What the history keeps of a span: enough to show the change and to learn from it (lib/db/feedback.ts). */
const labelled = (a: SpanAnalysis) => ({
  quote: a.quote, start: a.start, end: a.end, type: a.type, score: a.score, extractorAgrees: a.extractorAgrees,
  sentence: a.sentence.text, sentenceStart: a.sentence.start,
});

/**
 * A review given on other words no longer holds: a rated claim whose span changes goes stale, as it
 * does when a new draft changes its words, and keeps the words the review was of.
 */
function staleIfReviewed(claim: EditClaim) {
  const rated = claim.verdicts.length > 0 && (claim.status === 'reviewed' || claim.status === 'approved');
  if (!rated && !claim.stale) return {};
  return { stale: true, previousQuote: claim.stale ? claim.previousQuote ?? claim.quote : claim.quote };
}

async function claimDto(tx: Tx, id: string, viewer: Actor): Promise<ClaimDto> {
  const [row, scale] = await Promise.all([tx.claim.findUniqueOrThrow({ where: { id }, select: claimSelect }), loadScale(tx)]);
  return toClaimDto(row, viewer, scale.entries);
}

/** `POST /api/articles/:id/claims { start, end }`: the words a reviewer selected become a claim. */
export async function addClaim(actor: Actor | null, articleId: string, input: AddClaimInput | unknown): Promise<ClaimDto> {
  assertCan(actor, 'claim:edit');
  const data = parseInput(addClaimSchema, input);
  return db().$transaction(async (tx) => {
    const revision = await lockArticle(tx, articleId);
    const span = validSpan(revision.text, data.start, data.end);
    const others = await visibleClaims(tx, revision.id);
    assertNoOverlap(span, others);
    const a = analyseSpan(revision.text, span.start, span.end);
    const ordinal = others.filter((c) => c.start < span.start).length + 1;
    // Claims after the new one move down a number, so numbers keep reading top to bottom.
    await tx.claim.updateMany({ where: { ...currentClaimsWhere(revision.id), start: { gt: span.start } }, data: { ordinal: { increment: 1 } } });
    const created = await tx.claim.create({
      data: { articleId, revisionId: revision.id, ordinal, ...spanColumns(revision.text, a) },
      select: { id: true },
    });
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'claim.added', targetType: 'claim', targetId: created.id,
      after: { ...labelled(a), ordinal, revision: revision.number },
    });
    await noteReviewChange(tx, articleId, actor.id, 'claim added');
    return claimDto(tx, created.id, actor);
  }, TX);
}

/** `PATCH /api/claims/:id { start, end, version }`: moves where the claim starts and ends. */
export async function resizeClaim(actor: Actor | null, claimId: string, input: ResizeClaimInput | unknown): Promise<ClaimDto> {
  assertCan(actor, 'claim:edit');
  const data = parseInput(resizeClaimSchema, input);
  return transact(claimId, actor, async (tx) => {
    const { claim, revision } = await lockClaim(tx, claimId);
    if (claim.version !== data.version) throw new StaleVersion();
    const span = validSpan(revision.text, data.start, data.end);
    if (span.start === claim.start && span.end === claim.end) {
      throw new AppError('invalid', 'The claim already covers exactly these words; nothing to change.', { end: 'Unchanged.' });
    }
    assertNoOverlap(span, (await visibleClaims(tx, revision.id)).filter((c) => c.id !== claim.id));
    const a = analyseSpan(revision.text, span.start, span.end);
    const version = await bumpVersion(tx, claim, data.version, { ...spanColumns(revision.text, a), ...staleIfReviewed(claim) });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'claim.resized', targetType: 'claim', targetId: claim.id,
      before: { quote: claim.quote, start: claim.start, end: claim.end },
      after: { ...labelled(a), revision: revision.number, version, ...(staleIfReviewed(claim).stale ? { stale: true } : {}) },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'claim resized');
    return claimDto(tx, claim.id, actor);
  }, TX);
}

/**
 * `POST /api/claims/:id/split { at, version }`: two claims from one, at a text offset inside it. The
 * first part keeps the claim (its history, verdict and sources, stale if it was rated); the second is
 * a new open claim that starts with copies of the same sources.
 */
export async function splitClaim(actor: Actor | null, claimId: string, input: SplitClaimInput | unknown): Promise<{ claims: [ClaimDto, ClaimDto] }> {
  assertCan(actor, 'claim:edit');
  const data = parseInput(splitClaimSchema, input);
  return transact(claimId, actor, async (tx) => {
    const { claim, revision } = await lockClaim(tx, claimId);
    if (claim.version !== data.version) throw new StaleVersion();
    assertNotDoubleChecked([claim]);
    if (data.at <= claim.start || data.at >= claim.end) {
      const message = `Choose a split point inside the claim (between characters ${claim.start} and ${claim.end} of the text).`;
      throw new AppError('invalid', message, { at: message });
    }
    const first = trimSpan(revision.text, { start: claim.start, end: data.at });
    const second = trimSpan(revision.text, { start: data.at, end: claim.end });
    if (first.start === first.end || second.start === second.end) {
      const message = 'Splitting here would leave one part without words. Choose a point between two words.';
      throw new AppError('invalid', message, { at: message });
    }
    const segments = splitSentences(revision.text);
    const a = analyseSpan(revision.text, first.start, first.end, segments);
    const b = analyseSpan(revision.text, second.start, second.end, segments);
    const version = await bumpVersion(tx, claim, data.version, { ...spanColumns(revision.text, a), ...staleIfReviewed(claim) });
    await tx.claim.updateMany({
      where: { ...currentClaimsWhere(revision.id), start: { gt: claim.start }, id: { not: claim.id } },
      data: { ordinal: { increment: 1 } },
    });
    const created = await tx.claim.create({
      data: { articleId: claim.articleId, revisionId: revision.id, ordinal: claim.ordinal + 1, ...spanColumns(revision.text, b) },
      select: { id: true },
    });
    const sources = await tx.source.findMany({
      where: { claimId: claim.id, removedAt: null }, orderBy: { createdAt: 'asc' },
      select: { url: true, title: true, publisher: true, quote: true, stance: true, accessedAt: true, createdById: true },
    });
    // The evidence was gathered for both halves' words; each half starts with it.
    if (sources.length) await tx.source.createMany({ data: sources.map((s) => ({ ...s, claimId: created.id })) });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'claim.split', targetType: 'claim', targetId: claim.id,
      before: { quote: claim.quote, start: claim.start, end: claim.end },
      after: {
        at: data.at, revision: revision.number, version, sources: sources.length,
        parts: [{ id: claim.id, ordinal: claim.ordinal, ...labelled(a) }, { id: created.id, ordinal: claim.ordinal + 1, ...labelled(b) }],
      },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'claim split');
    return { claims: [await claimDto(tx, claim.id, actor), await claimDto(tx, created.id, actor)] };
  }, TX);
}

/**
 * `POST /api/claims/merge { ids, versions }`: neighbouring claims of the current draft become one,
 * spanning from the first's start to the last's end. The first keeps its id, history and review (stale
 * if it was rated) and gains the others' sources and links; the others are archived as merged, with
 * their reviews kept in the history.
 */
export async function mergeClaims(actor: Actor | null, input: MergeClaimsInput | unknown): Promise<{ claim: ClaimDto; merged: string[] }> {
  assertCan(actor, 'claim:edit');
  const data = parseInput(mergeClaimsSchema, input);
  return transact(null, actor, async (tx) => {
    const owners = await tx.claim.findMany({ where: { id: { in: data.ids } }, select: { articleId: true } });
    if (owners.length !== data.ids.length) throw new AppError('not_found', 'One of the claims does not exist. Reload the article.');
    if (new Set(owners.map((r) => r.articleId)).size > 1) {
      throw new AppError('invalid', 'Only claims of the same article can be merged.', { ids: 'Claims of different articles.' });
    }
    const revision = await lockArticle(tx, owners[0]!.articleId);
    const rows = await tx.claim.findMany({ where: { id: { in: data.ids } }, select: editSelect });
    for (const r of rows) assertEditable(r, revision.id);
    const expected = new Map(data.ids.map((id, i) => [id, data.versions[i]!]));
    const stale = rows.find((r) => r.version !== expected.get(r.id));
    if (stale) throw new StaleVersion(stale.id);
    assertNotDoubleChecked(rows);
    const group = [...rows].sort((x, y) => x.start - y.start);
    const keep = group[0]!;
    const last = group[group.length - 1]!;
    const ids = new Set(group.map((r) => r.id));
    const others = await visibleClaims(tx, revision.id);
    const between = others.find((c) => !ids.has(c.id) && c.start < last.end && c.end > keep.start);
    if (between) {
      const message = `Only neighbouring claims can be merged: claim ${between.ordinal} lies between them. Merge it too, or choose neighbours.`;
      throw new AppError('invalid', message, { ids: message });
    }
    const a = analyseSpan(revision.text, keep.start, Math.max(...group.map((r) => r.end)));
    const absorbed = group.slice(1);
    const archivedAt = new Date();
    for (const r of absorbed) await bumpVersion(tx, r, r.version, { status: MERGED, archivedAt });
    const version = await bumpVersion(tx, keep, keep.version, { ...spanColumns(revision.text, a), ...staleIfReviewed(keep) });
    await tx.claim.updateMany({
      where: { ...currentClaimsWhere(revision.id), start: { gt: keep.start }, id: { not: keep.id } },
      data: { ordinal: { decrement: absorbed.length } },
    });
    const absorbedIds = absorbed.map((r) => r.id);
    const sources = await tx.source.findMany({
      where: { claimId: { in: absorbedIds }, removedAt: null }, orderBy: { createdAt: 'asc' },
      select: { url: true, title: true, publisher: true, quote: true, stance: true, accessedAt: true, createdById: true },
    });
    if (sources.length) await tx.source.createMany({ data: sources.map((s) => ({ ...s, claimId: keep.id })) });
    const relations = await moveRelations(tx, keep.id, ids);
    await recordEvent(tx, {
      articleId: keep.articleId, actorId: actor.id, type: 'claim.merged', targetType: 'claim', targetId: keep.id,
      before: { claims: group.map((r) => ({ id: r.id, ordinal: r.ordinal, quote: r.quote, status: r.status, rating: r.verdicts[0]?.rating ?? null })) },
      after: {
        ...labelled(a), revision: revision.number, version, merged: absorbedIds, sources: sources.length, relations,
        ...(staleIfReviewed(keep).stale ? { stale: true } : {}),
      },
    });
    await noteReviewChange(tx, keep.articleId, actor.id, 'claims merged');
    return { claim: await claimDto(tx, keep.id, actor), merged: absorbedIds };
  }, TX);
}

/**
 * Links from a merged-away claim to a claim outside the merge now point at the claim that remains
 * (a flagged contradiction must not vanish); links inside the merge and duplicates are left behind
 * on the archived rows. Returns how many moved.
 */
async function moveRelations(tx: Tx, keepId: string, group: Set<string>): Promise<number> {
  const absorbed = [...group].filter((id) => id !== keepId);
  const rows = await tx.relation.findMany({
    where: { OR: [{ aId: { in: [...group] } }, { bId: { in: [...group] } }] },
    orderBy: { createdAt: 'asc' },
    select: { id: true, aId: true, bId: true, type: true },
  });
  const key = (x: string, y: string, type: string) => `${[x, y].sort().join('|')}|${type}`;
  const seen = new Set(rows.filter((r) => !absorbed.includes(r.aId) && !absorbed.includes(r.bId)).map((r) => key(r.aId, r.bId, r.type)));
  let moved = 0;
  for (const r of rows) {
    if (!absorbed.includes(r.aId) && !absorbed.includes(r.bId)) continue;
    const aId = group.has(r.aId) ? keepId : r.aId;
    const bId = group.has(r.bId) ? keepId : r.bId;
    if (aId === bId || seen.has(key(aId, bId, r.type))) continue;
    seen.add(key(aId, bId, r.type));
    await tx.relation.update({ where: { id: r.id }, data: { aId, bId } });
    moved++;
  }
  return moved;
}

/**
 * `POST /api/claims/:id/not-a-claim { version }`: the words are no claim at all (page furniture, a
 * caption). The row stays, numbered 0, so later drafts do not offer the same words again; it leaves
 * the current claims and with them the screen, the gate and the exports (decision 014).
 */
export async function markNotAClaim(actor: Actor | null, claimId: string, input: NotAClaimInput | unknown) {
  assertCan(actor, 'claim:edit');
  const data = parseInput(notAClaimSchema, input);
  return transact(claimId, actor, async (tx) => {
    const { claim, revision } = await lockClaim(tx, claimId);
    if (claim.version !== data.version) throw new StaleVersion();
    // A claim that left the current claims could never be rated or resolved: its check would hang.
    assertNotDoubleChecked([claim], 'This claim is being double-checked; resolve it (or remove the second reviewer) before marking it "not a claim".');
    const a = analyseSpan(revision.text, claim.start, claim.end);
    const version = await bumpVersion(tx, claim, data.version, { status: NOT_A_CLAIM, ordinal: 0 });
    await tx.claim.updateMany({
      where: { ...currentClaimsWhere(revision.id), start: { gt: claim.start } },
      data: { ordinal: { decrement: 1 } },
    });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'claim.not-a-claim', targetType: 'claim', targetId: claim.id,
      before: { status: claim.status, ordinal: claim.ordinal, rating: claim.verdicts[0]?.rating ?? null },
      after: { status: NOT_A_CLAIM, ...labelled(a), revision: revision.number, version },
    });
    await noteReviewChange(tx, claim.articleId, actor.id, 'not a claim');
    return { id: claim.id, status: NOT_A_CLAIM, version };
  }, TX);
}
