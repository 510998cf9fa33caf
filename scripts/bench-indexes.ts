// Read times of the hot queries at ~30,000 claims, without and with the indexes of migration
// 20261126020000_hot_query_indexes, in one run on one database (issue 8 finding 12).
// On an empty, migrated database:
//   DATABASE_URL=file:/tmp/bench.db node scripts/db-migrate.mjs
//   DATABASE_URL=file:/tmp/bench.db node --import tsx --conditions=react-server scripts/bench-indexes.ts
// (or a PostgreSQL URL). Prints the median of each read in ms and as a ratio to `SELECT 1` timed
// through the same client in the same state, so machine load cancels out.
import { getArticle, listArticles } from '../lib/db/articles';
import { db, DEFAULT_DATABASE_URL, isPostgresUrl } from '../lib/db/client';
import { listHistory } from '../lib/db/history';
import { mulberry32 } from './claims-data';

// 600 drafts of 50 claims: the desk after a few months; the article read is small, the table is not.
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 600);
const CLAIMS_PER_ARTICLE = Number(process.env.BENCH_CLAIMS_PER_ARTICLE ?? 50);
const isPostgres = isPostgresUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);

// The schema before the migration, and after it.
const WITHOUT = [
  'DROP INDEX "Claim_revisionId_ordinal_idx"',
  'DROP INDEX "Claim_articleId_status_idx"',
  'DROP INDEX "Source_claimId_removedAt_idx"',
  'CREATE INDEX "Source_claimId_idx" ON "Source"("claimId")',
];
const WITH = [
  'DROP INDEX "Source_claimId_idx"',
  'CREATE INDEX "Claim_revisionId_ordinal_idx" ON "Claim"("revisionId", "ordinal")',
  'CREATE INDEX "Claim_articleId_status_idx" ON "Claim"("articleId", "status")',
  'CREATE INDEX "Source_claimId_removedAt_idx" ON "Source"("claimId", "removedAt")',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await fn(i); // warm caches and prepared statements
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return median(ms);
}

async function seed() {
  const client = db();
  if ((await client.claim.count()) > 0) throw new Error('Run this on an empty, migrated database.');
  const rand = mulberry32(12);
  const user = await client.user.create({ data: { email: 'bench-indexes@example.com', passwordHash: 'x', role: 'admin' }, select: { id: true, email: true } });
  const articles: Array<{ id: string; revisionId: string }> = [];
  for (let a = 0; a < ARTICLES; a++) {
    const article = await client.article.create({ data: { title: `Bench ${a}`, sourceFormat: 'text', createdById: user.id }, select: { id: true } });
    const revision = await client.revision.create({ data: { articleId: article.id, number: 1, text: 'x', createdById: user.id }, select: { id: true } });
    const claims = Array.from({ length: CLAIMS_PER_ARTICLE }, (_, i) => ({
      id: `b${a}c${i}`, articleId: article.id, revisionId: revision.id, ordinal: i + 1, start: 0, end: 40,
      quote: `Claim ${i} of article ${a} says fares rose ${i} percent.`, text: `Claim ${i} of article ${a}.`, type: 'statistic', score: rand(),
      status: i % 2 ? 'reviewed' : 'open',
    }));
    await client.claim.createMany({ data: claims });
    const reviewed = claims.filter((_, i) => i % 2);
    await client.verdict.createMany({ data: reviewed.map((c) => ({ claimId: c.id, rating: 'True', explanation: 'Checked.', authorId: user.id })) });
    await client.source.createMany({
      data: reviewed.map((c, i) => ({ claimId: c.id, url: 'https://example.org', title: 'Source', stance: 'supports', createdById: user.id, removedAt: i % 5 ? null : new Date() })),
    });
    await client.relation.createMany({
      data: Array.from({ length: Math.floor(CLAIMS_PER_ARTICLE / 5) }, (_, i) => ({ articleId: article.id, aId: claims[i]!.id, bId: claims[i + 1]!.id, type: 'duplicates', origin: 'auto', status: 'suggested' })),
    });
    await client.event.createMany({
      data: reviewed.flatMap((c) => [
        { articleId: article.id, actorId: user.id, type: 'verdict.recorded', targetType: 'claim', targetId: c.id },
        { articleId: article.id, actorId: user.id, type: 'source.added', targetType: 'claim', targetId: c.id },
      ]),
    });
    articles.push({ id: article.id, revisionId: revision.id });
  }
  return { actor: { id: user.id, email: user.email, name: '', role: 'admin' as const }, articles };
}

async function main() {
  const client = db();
  const t0 = performance.now();
  const { actor, articles } = await seed();
  const claims = await client.claim.count();
  console.log(`${isPostgres ? 'PostgreSQL' : 'SQLite'}: ${claims} claims, ${await client.event.count()} events, ${await client.source.count()} sources in ${ARTICLES} articles (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const pick = (i: number) => articles[(i * 7) % articles.length]!;
  const rows: Array<Record<string, string>> = [];
  // Two rounds each, alternating, so a cache warmed by the first state does not flatter the second.
  const states = [['without', WITHOUT], ['with', WITH], ['without', WITHOUT], ['with', WITH]] as const;
  for (const [round, [state, ddl]] of states.entries()) {
    for (const sql of ddl) await client.$executeRawUnsafe(sql);
    await client.$executeRawUnsafe('ANALYZE');
    const base = await time(300, () => client.$queryRawUnsafe('SELECT 1'));
    const reads: Array<[string, number, (i: number) => Promise<unknown>]> = [
      ['claims of a revision (SQL)', 300, (i) => client.$queryRawUnsafe('SELECT "id" FROM "Claim" WHERE "revisionId" = $1 ORDER BY "ordinal"'.replace('$1', isPostgres ? '$1' : '?'), pick(i).revisionId)],
      [`getArticle (${CLAIMS_PER_ARTICLE} claims)`, 30, (i) => getArticle(actor, pick(i).id)],
      [`listHistory (${CLAIMS_PER_ARTICLE} events)`, 30, (i) => listHistory(actor, pick(i).id)],
      ['claim counts per article and status (groupBy)', 30, () => client.claim.groupBy({ by: ['articleId', 'status'], _count: { _all: true } })],
      ['listArticles', 30, () => listArticles(actor)],
    ];
    for (const [name, runs, fn] of reads) {
      const ms = await time(runs, fn);
      rows.push({ round: String(Math.floor(round / 2) + 1), state, read: name, 'median ms': ms.toFixed(3), 'x SELECT 1': (ms / base).toFixed(1) });
    }
    rows.push({ round: String(Math.floor(round / 2) + 1), state, read: 'SELECT 1 (baseline)', 'median ms': base.toFixed(3), 'x SELECT 1': '1.0' });
  }
  console.table(rows);
  await client.$disconnect();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
