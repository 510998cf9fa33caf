// "We checked this before": matches a claim against claims already reviewed in other articles,
// using the database's own full-text search (SQLite FTS5, PostgreSQL tsvector + GIN; see
// docs/decisions/006-relations-and-archive-search.md). The index holds one row per reviewed claim and is written in
// the same transaction as the verdict.
import 'server-only';
import { AppError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import type { ArchiveMatch } from '../claims/dto';
import { contentWords } from '../claims/relations';
import { db, isPostgresUrl, DEFAULT_DATABASE_URL, type Tx } from './client';
import { entryFor } from '../verdicts/scale';
import { loadScale } from './verdict-scale';

const isPostgres = () => isPostgresUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
const MAX_TERMS = 6;
const CANDIDATES = 12;
/** Dice overlap of content words above which two claims are shown as the same claim. */
const MIN_SIMILARITY = 0.45;

export async function indexReviewedClaim(tx: Tx, claimId: string, text: string): Promise<void> {
  if (isPostgres()) {
    await tx.$executeRaw`INSERT INTO "ArchiveClaimFts" ("claimId", "body") VALUES (${claimId}, ${text}) ON CONFLICT ("claimId") DO UPDATE SET "body" = excluded."body"`;
  } else {
    await tx.$executeRaw`DELETE FROM "ArchiveClaimFts" WHERE "claimId" = ${claimId}`;
    await tx.$executeRaw`INSERT INTO "ArchiveClaimFts" ("claimId", "body") VALUES (${claimId}, ${text})`;
  }
}

/**
 * The claim's most telling words, as plain lower-case words only: nothing from the claim reaches the
 * query syntax. Longer words first, a cheap stand-in for rarity: every extra common word in an OR
 * query makes the engine rank thousands more rows.
 */
function queryTerms(text: string): string[] {
  const words = [...new Set(text.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? [])];
  const content = contentWords(text);
  return words
    .filter((w) => content.size === 0 || [...content].some((c) => w.startsWith(c)))
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, MAX_TERMS);
}

/** Pairs of terms, so a candidate must share at least two of them: far fewer rows to rank than OR. */
function pairs(terms: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < terms.length; i++) for (let j = i + 1; j < terms.length; j++) out.push([terms[i]!, terms[j]!]);
  return out;
}

/** The full-text step alone (exported for the benchmark, which times it separately). */
export async function candidates(text: string): Promise<string[]> {
  const terms = queryTerms(text);
  if (terms.length === 0) return [];
  const both = terms.length >= 2 ? pairs(terms) : [[terms[0]!, terms[0]!] as [string, string]];
  if (isPostgres()) {
    const q = both.map(([a, b]) => `(${a} & ${b})`).join(' | ');
    // Rank at most 100 matches: ranking reads every matched row, and a popular claim can have thousands.
    const rows = await db().$queryRaw<Array<{ claimId: string }>>`
      SELECT "claimId" FROM (
        SELECT "claimId", "tsv" FROM "ArchiveClaimFts" WHERE "tsv" @@ to_tsquery('english', ${q}) LIMIT 100
      ) AS matched
      ORDER BY ts_rank("tsv", to_tsquery('english', ${q})) DESC LIMIT ${CANDIDATES}`;
    return rows.map((r) => r.claimId);
  }
  const q = both.map(([a, b]) => `("${a}" AND "${b}")`).join(' OR ');
  const rows = await db().$queryRaw<Array<{ claimId: string }>>`
    SELECT "claimId" FROM "ArchiveClaimFts" WHERE "ArchiveClaimFts" MATCH ${q} ORDER BY bm25("ArchiveClaimFts") LIMIT ${CANDIDATES}`;
  return rows.map((r) => r.claimId);
}

export type { ArchiveMatch } from '../claims/dto';

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / Math.max(1, a.size + b.size);
}

/** Reviewed claims in other articles that say the same thing as this text, best first. */
export async function matchText(text: string, excludeArticleId?: string, limit = 3): Promise<ArchiveMatch[]> {
  const ids = await candidates(text);
  if (ids.length === 0) return [];
  // Score the candidates on their text first; load verdicts and sources only for the few kept.
  const brief = await db().claim.findMany({
    where: { id: { in: ids }, ...(excludeArticleId ? { articleId: { not: excludeArticleId } } : {}) },
    select: { id: true, text: true },
  });
  const mine = contentWords(text);
  const kept = brief
    .map((r) => ({ id: r.id, sim: similarity(mine, contentWords(r.text)) }))
    .filter(({ sim }) => sim >= MIN_SIMILARITY)
    .sort((x, y) => y.sim - x.sim || x.id.localeCompare(y.id))
    .slice(0, limit);
  if (kept.length === 0) return [];
  const scale = (await loadScale()).entries;
  const rows = await db().claim.findMany({
    where: { id: { in: kept.map((k) => k.id) } },
    select: {
      id: true, quote: true, articleId: true, article: { select: { title: true } }, secondAssigneeId: true,
      verdicts: { orderBy: { createdAt: 'desc' }, take: 1, select: { rating: true, explanation: true, createdAt: true } },
      sources: { where: { removedAt: null }, select: { url: true, title: true, stance: true } },
    },
  });
  return kept.flatMap(({ id, sim }) => {
    const r = rows.find((x) => x.id === id);
    const v = r?.verdicts[0];
    // A claim under a running double check is not offered: its sources may be a blind reviewer's (decision 031).
    if (!r || !v || r.secondAssigneeId) return [];
    return [{
      claimId: r.id, articleId: r.articleId, articleTitle: r.article.title, quote: r.quote,
      // Named as the configured scale names it now (decision 032).
      rating: entryFor(scale, v.rating)?.name ?? v.rating, explanation: v.explanation, ratedAt: v.createdAt.toISOString(),
      similarity: Math.round(sim * 100) / 100, sources: r.sources,
    }];
  });
}

export async function findArchiveMatches(actor: Actor | null, claimId: string): Promise<ArchiveMatch[]> {
  assertCan(actor, 'article:read');
  const claim = await db().claim.findUnique({ where: { id: claimId }, select: { text: true, articleId: true } });
  if (!claim) throw new AppError('not_found', 'No claim with this id.');
  return matchText(claim.text, claim.articleId);
}
