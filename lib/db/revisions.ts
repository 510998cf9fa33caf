// New drafts of an article (PRODUCT.md "Revision"). The new text is stored verbatim as the next
// revision; every current claim is re-anchored to it (lib/anchoring): a claim whose words are
// unchanged moves with its verdict and sources; one whose words changed keeps its history but becomes
// stale (its review must be confirmed, and the before/after is kept); one whose sentence is gone is
// archived on the revision it was last on; sentences no claim covers are extracted as new claims.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError, fromZodError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { reanchor, type AnchorResult } from '../anchoring/reanchor';
import type { ExtractedClaim } from '../claims/schema';
import { NOT_A_CLAIM } from '../claims/edit-schema';
import { assertArticleText, htmlToText, type SourceFormat } from '../ingest/to-text';
import { revisionInputSchema, type RevisionInput } from '../ingest/schema';
import { noteReviewChange } from './article-status';
import { CONTEXT_CHARS, normaliseLineEnds } from './articles';
import { extractClaimsOffThread } from '../extraction-pool';
import { assignedStatus } from './assignments';
import { Prisma } from '../../generated/sqlite/client';
import { db, type Tx } from './client';
import { recordEvent } from './events';

export type ClaimChange = { id: string; ordinal: number; change: 'kept' | 'moved' | 'stale' | 'removed' | 'new'; before?: string; after?: string };
export type RevisionResult = {
  revision: { id: string; number: number };
  kept: number;
  stale: number;
  removed: number;
  new: number;
  changes: ClaimChange[];
};

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** The extracted claim that covers most of a span, if any: it supplies the new wording's numbers and type. */
function bestExtracted(span: { start: number; end: number }, extracted: ExtractedClaim[]): ExtractedClaim | undefined {
  let best: ExtractedClaim | undefined;
  let most = 0;
  for (const e of extracted) {
    const o = overlap(span, e);
    if (o > most) { most = o; best = e; }
  }
  return best;
}

type Place = { id: string; ordinal: number; start: number; end: number; contextBefore: string; contextAfter: string };

/** Claims per statement: 11 parameters each stays far under SQLite's and PostgreSQL's limits. */
const PLACES_PER_UPDATE = 200;

/**
 * Moves kept claims to their place in the new revision: one UPDATE per 200 claims rather than one
 * per claim (a 500-claim draft spent most of its time in single-row round trips). CASE and CAST
 * are the same on both engines; `updatedAt` is set as Prisma's @updatedAt would.
 */
async function moveClaims(tx: Tx, revisionId: string, places: Place[], now: Date): Promise<void> {
  for (let i = 0; i < places.length; i += PLACES_PER_UPDATE) {
    const chunk = places.slice(i, i + PLACES_PER_UPDATE);
    const column = (name: keyof Place, cast: string) => Prisma.sql`${Prisma.raw(`"${name}"`)} = CASE "id" ${Prisma.join(
      chunk.map((p) => Prisma.sql`WHEN ${p.id} THEN CAST(${p[name]} AS ${Prisma.raw(cast)})`), ' ',
    )} END`;
    await tx.$executeRaw`UPDATE "Claim" SET "revisionId" = ${revisionId}, ${Prisma.join([
      column('ordinal', 'INTEGER'), column('start', 'INTEGER'), column('end', 'INTEGER'),
      column('contextBefore', 'TEXT'), column('contextAfter', 'TEXT'),
    ])}, "updatedAt" = ${now} WHERE "id" IN (${Prisma.join(chunk.map((p) => p.id))})`;
  }
}

export async function loadRevision(
  actor: Actor | null,
  articleId: string,
  input: RevisionInput | unknown,
  /** Set when the text came from an uploaded file (already converted to text). */
  uploadedFormat?: SourceFormat,
): Promise<RevisionResult> {
  assertCan(actor, 'article:revise');
  const raw = input as Partial<RevisionInput> | null;
  if (typeof raw?.text === 'string') assertArticleText(raw.text);
  const parsed = revisionInputSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const format: SourceFormat = uploadedFormat ?? parsed.data.format;
  const newText = normaliseLineEnds(format === 'html' ? htmlToText(parsed.data.text) : parsed.data.text);
  assertArticleText(newText);

  const latest = await db().revision.findFirst({
    where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, number: true, text: true },
  });
  if (!latest) throw new AppError('not_found', 'No article with this id. It may have been removed, or the link is wrong.');
  if (parsed.data.basedOn !== undefined && parsed.data.basedOn !== latest.number) {
    throw new AppError('conflict', `Someone loaded draft ${latest.number} while you were looking at draft ${parsed.data.basedOn}. Reload the article, then load your draft again.`);
  }
  if (newText === latest.text) {
    throw new AppError('invalid', `This text is the same as draft ${latest.number}; nothing to re-check.`, { text: 'Unchanged.' });
  }
  const current = await db().claim.findMany({
    where: { revisionId: latest.id, archivedAt: null },
    select: { id: true, start: true, end: true, quote: true, contextBefore: true, contextAfter: true, version: true, status: true },
  });
  // Both pure and possibly slow on long drafts: done before the transaction, as for a first draft,
  // and extraction off the request thread (lib/extraction-pool) so other requests stay fast.
  const results = reanchor(latest.text, newText, current);
  const extraction = await extractClaimsOffThread(newText);

  const number = latest.number + 1;
  const context = (start: number, end: number) => ({
    contextBefore: newText.slice(Math.max(0, start - CONTEXT_CHARS), start),
    contextAfter: newText.slice(end, end + CONTEXT_CHARS),
  });
  const byId = new Map(current.map((c) => [c.id, c]));
  const placed = results.filter((r): r is Exclude<AnchorResult, { status: 'removed' }> => r.status !== 'removed');
  // Sentences no surviving claim covers become new claims.
  const fresh = extraction.claims.filter((e) => !placed.some((p) => overlap(p, e) > 0));
  const freshIds = new Map(fresh.map((e) => [e.id, randomUUID()]));
  // Ordinals follow the new text: claim numbers always read top to bottom.
  // Spans marked "not a claim" move with the text (so the extractor does not offer them again) but
  // are numbered 0: they are not claims (decision 014).
  const hidden = new Set(current.filter((c) => c.status === NOT_A_CLAIM).map((c) => c.id));
  const order = [...placed.filter((p) => !hidden.has(p.id)).map((p) => ({ id: p.id, start: p.start })), ...fresh.map((e) => ({ id: freshIds.get(e.id)!, start: e.start }))]
    .sort((a, b) => a.start - b.start);
  const ordinal = new Map([...hidden].map((id) => [id, 0]));
  order.forEach((o, i) => ordinal.set(o.id, i + 1));

  return db().$transaction(async (tx) => {
    // The unique (articleId, number) index makes a concurrent draft fail here rather than fork.
    const revision = await tx.revision.create({
      data: { articleId, number, text: newText, format, createdById: actor.id },
      select: { id: true, number: true },
    }).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'P2002') {
        throw new AppError('conflict', `Someone else loaded draft ${number} at the same moment. Reload the article to see it.`);
      }
      throw e;
    });
    const changes: ClaimChange[] = [];
    const archivedAt = new Date();
    const kept: Place[] = [];
    const removed: string[] = [];
    for (const r of results) {
      const old = byId.get(r.id)!;
      if (r.status === 'removed') {
        removed.push(r.id);
        await recordEvent(tx, {
          articleId, actorId: actor.id, type: 'claim.archived', targetType: 'claim', targetId: r.id,
          before: { quote: old.quote }, after: { revision: number },
        });
        changes.push({ id: r.id, ordinal: 0, change: 'removed', before: old.quote });
        continue;
      }
      const base = { revisionId: revision.id, ordinal: ordinal.get(r.id)!, start: r.start, end: r.end, ...context(r.start, r.end) };
      if (r.status === 'kept') {
        kept.push({ id: r.id, ordinal: base.ordinal, start: r.start, end: r.end, contextBefore: base.contextBefore, contextAfter: base.contextAfter });
        changes.push({ id: r.id, ordinal: base.ordinal, change: r.moved ? 'moved' : 'kept' });
        continue;
      }
      // Few per draft, and each carries its own new wording and extracted fields: one update each.
      const e = bestExtracted(r, extraction.claims);
      await tx.claim.update({
        where: { id: r.id },
        data: {
          ...base, quote: r.quote, text: e && e.start === r.start && e.end === r.end ? e.text : r.quote, previousQuote: old.quote, stale: true, version: { increment: 1 },
          ...(e ? { type: e.type, score: e.score, flags: JSON.stringify(e.flags), entities: JSON.stringify(e.entities), numbers: JSON.stringify(e.numbers) } : {}),
        },
      });
      await recordEvent(tx, {
        articleId, actorId: actor.id, type: 'claim.changed', targetType: 'claim', targetId: r.id,
        before: { quote: old.quote }, after: { quote: r.quote, revision: number, reason: r.reason },
      });
      changes.push({ id: r.id, ordinal: base.ordinal, change: 'stale', before: old.quote, after: r.quote });
    }
    // Bumping the version makes a reviewer's open dialog on a removed claim get a 409, not a silent save.
    for (let i = 0; i < removed.length; i += PLACES_PER_UPDATE) {
      await tx.claim.updateMany({ where: { id: { in: removed.slice(i, i + PLACES_PER_UPDATE) } }, data: { archivedAt, version: { increment: 1 } } });
    }
    await moveClaims(tx, revision.id, kept, archivedAt);
    if (fresh.length) {
      // A whole article assigned to a reviewer stays theirs: its new sentences go to them too.
      const owner = await tx.article.findUnique({ where: { id: articleId }, select: { defaultAssignee: { select: { id: true, deactivatedAt: true } } } });
      const assignee = owner?.defaultAssignee && !owner.defaultAssignee.deactivatedAt ? owner.defaultAssignee.id : null;
      await tx.claim.createMany({
        data: fresh.map((c) => ({
          ...(assignee ? { assigneeId: assignee, assignedAt: archivedAt, status: assignedStatus('open') } : {}),
          id: freshIds.get(c.id)!, articleId, revisionId: revision.id, ordinal: ordinal.get(freshIds.get(c.id)!)!,
          start: c.start, end: c.end, quote: c.quote, text: c.text, ...context(c.start, c.end),
          type: c.type, score: c.score, checkworthy: c.checkworthy, flags: JSON.stringify(c.flags),
          entities: JSON.stringify(c.entities), numbers: JSON.stringify(c.numbers), antecedent: c.antecedent ?? null,
        })),
      });
      for (const c of fresh) changes.push({ id: freshIds.get(c.id)!, ordinal: ordinal.get(freshIds.get(c.id)!)!, change: 'new' });
    }
    // Relations the new draft suggests, between claims not linked yet.
    const storedFor = new Map<string, string>();
    for (const e of extraction.claims) {
      const id = freshIds.get(e.id) ?? placed.find((p) => overlap(p, e) > 0)?.id;
      if (id) storedFor.set(e.id, id);
    }
    const existing = await tx.relation.findMany({ where: { articleId }, select: { aId: true, bId: true } });
    const linked = new Set(existing.flatMap((r) => [`${r.aId}|${r.bId}`, `${r.bId}|${r.aId}`]));
    const suggested = extraction.relations
      .map((r) => ({ ...r, aId: storedFor.get(r.a), bId: storedFor.get(r.b) }))
      .filter((r): r is typeof r & { aId: string; bId: string } => Boolean(r.aId && r.bId && r.aId !== r.bId && !linked.has(`${r.aId}|${r.bId}`)));
    if (suggested.length) {
      await tx.relation.createMany({
        data: suggested.map((r) => ({ articleId, aId: r.aId, bId: r.bId, type: r.type, origin: 'auto', status: 'suggested', reason: r.reason })),
      });
    }
    const counts = {
      kept: changes.filter((c) => c.change === 'kept' || c.change === 'moved').length,
      stale: changes.filter((c) => c.change === 'stale').length,
      removed: changes.filter((c) => c.change === 'removed').length,
      new: fresh.length,
    };
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'revision.loaded', targetType: 'revision', targetId: revision.id,
      before: { revision: latest.number }, after: { revision: number, format, characters: newText.length, ...counts, relations: suggested.length },
    });
    await noteReviewChange(tx, articleId, actor.id, `draft ${number}`);
    return { revision, ...counts, changes };
  }, { timeout: 30_000 });
}

/** Two drafts' texts and the claims of the later one, for the comparison view. */
export async function getRevisionTexts(actor: Actor | null, articleId: string, from: number, to: number) {
  assertCan(actor, 'article:read');
  const rows = await db().revision.findMany({
    where: { articleId, number: { in: [from, to] } },
    select: { number: true, text: true, createdAt: true },
  });
  const a = rows.find((r) => r.number === from);
  const b = rows.find((r) => r.number === to);
  if (!a || !b) throw new AppError('not_found', `This article has no draft ${!a ? from : to}.`);
  return { from: { number: a.number, text: a.text, createdAt: a.createdAt.toISOString() }, to: { number: b.number, text: b.text, createdAt: b.createdAt.toISOString() } };
}
