// Issue 8 finding 12: every hot read uses an index on both engines. The test runs the real data-layer
// functions through a client that logs its SQL, then asks the engine how it would run each hot
// statement (SQLite `EXPLAIN QUERY PLAN`; PostgreSQL `EXPLAIN` with sequential scans priced out, so
// a small test table still shows whether a usable index exists) and checks the expected index is in
// the plan. Timings at ~30,000 claims: scripts/bench-indexes.ts and docs/decisions/012.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PrismaClient as SqliteClient } from '../../generated/sqlite/client';
import { PrismaClient as PostgresClient } from '../../generated/postgres/client';
import type { Actor } from '../auth/permissions';
import { createArticle, getArticle, listArticles } from './articles';
import { attachSource, recordVerdict, reuseReview } from './claims';
import { DEFAULT_DATABASE_URL, isPostgresUrl } from './client';
import { listHistory } from './history';
import { addRelation } from './relations';
import { createUserAsOperator } from './users';
import { claimVersion } from './testing';

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const isPostgres = isPostgresUrl(url);
type Statement = { sql: string; params: unknown[] };
let captured: Statement[] = [];

// The logging client replaces the process-wide one that lib/db/client.ts's db() hands out.
const record = (e: { query: string; params: string }) => captured.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
const logOptions = { log: [{ emit: 'event' as const, level: 'query' as const }] };
function loggingClient(): SqliteClient {
  if (isPostgres) {
    const c = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }), ...logOptions });
    c.$on('query', record);
    return c as unknown as SqliteClient;
  }
  const c = new SqliteClient({ adapter: new PrismaBetterSQLite3({ url, timeout: 10_000 }), ...logOptions });
  c.$on('query', record);
  return c as unknown as SqliteClient;
}
const client = loggingClient();
(globalThis as unknown as { factdeskDb?: unknown }).factdeskDb = client;

async function statementsOf(fn: () => Promise<unknown>): Promise<Statement[]> {
  captured = [];
  await fn();
  return captured;
}

async function plan(s: Statement): Promise<string> {
  if (isPostgres) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('SET enable_seqscan = off');
      const rows = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${s.sql}`, s.params);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await c.end();
    }
  }
  const sqlite = new Database(url.replace(/^file:/, ''), { readonly: true });
  try {
    const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...(s.params as never[])) as Array<{ detail: string }>;
    return rows.map((r) => r.detail).join('\n');
  } finally {
    sqlite.close();
  }
}

const fromTable = (table: string) => new RegExp(`FROM [\`"](main|public)[\`"]\\.[\`"]${table}[\`"]`);
/** A statement that filters on this column (Prisma writes the WHERE clause after the select list). */
const whereOn = (column: string) => new RegExp(`WHERE .*[\`"]${column}[\`"]`);

let editor: Actor;
let reviewer: Actor;
let articleId = '';
let claimIds: string[] = [];

before(async () => {
  const e = await createUserAsOperator({ email: 'index-editor@example.com', password: 'correct horse battery', role: 'editor' });
  const r = await createUserAsOperator({ email: 'index-reviewer@example.com', password: 'correct horse battery', role: 'reviewer' });
  editor = { id: e.id, email: e.email, name: '', role: 'editor' };
  reviewer = { id: r.id, email: r.email, name: '', role: 'reviewer' };
  const text = 'Tolls\n\nThe bridge toll rose to $6 in 2024, up 20 percent.\n\nThe agency said 41,000 cars cross it each day.';
  const created = await createArticle(editor, { title: 'Tolls', text });
  articleId = created.id;
  claimIds = created.claims.map((c) => c.id);
  assert.ok(claimIds.length >= 2);
  await attachSource(reviewer, claimIds[1]!, { url: 'https://example.org/t', title: 'Toll table', stance: 'supports', version: await claimVersion(claimIds[1]!) });
  await recordVerdict(reviewer, claimIds[1]!, { rating: 'True', explanation: 'Matches the table.', version: await claimVersion(claimIds[1]!) });
  await addRelation(reviewer, { a: claimIds[0]!, b: claimIds[1]!, type: 'supports', note: 'Same toll.' });
});

after(async () => {
  await client.$disconnect();
});

/** `index` is a pattern: where two indexes serve a query equally, either may be chosen. */
type Hot = { read: string; run: () => Promise<unknown>; table: string; where: RegExp; index: string };

const HOT: Hot[] = [
  { read: 'getArticle: claims of the latest revision', run: () => getArticle(reviewer, articleId), table: 'Claim', where: whereOn('revisionId'), index: 'Claim_revisionId_ordinal_idx' },
  { read: 'getArticle: the latest revision', run: () => getArticle(reviewer, articleId), table: 'Revision', where: whereOn('articleId'), index: 'Revision_articleId_number_key' },
  { read: 'getArticle: sources of the claims', run: () => getArticle(reviewer, articleId), table: 'Source', where: whereOn('claimId'), index: 'Source_claimId_removedAt_idx' },
  { read: 'getArticle: verdicts of the claims', run: () => getArticle(reviewer, articleId), table: 'Verdict', where: whereOn('claimId'), index: 'Verdict_claimId_createdAt_idx' },
  { read: 'getArticle: relations of the article', run: () => getArticle(reviewer, articleId), table: 'Relation', where: whereOn('articleId'), index: 'Relation_articleId_idx' },
  { read: 'listHistory: events of the article', run: () => listHistory(reviewer, articleId), table: 'Event', where: whereOn('articleId'), index: 'Event_articleId_at_idx' },
  { read: 'listArticles: newest articles', run: () => listArticles(reviewer), table: 'Article', where: /ORDER BY/, index: 'Article_createdAt_idx' },
  { read: 'listArticles: claim counts per article and status', run: () => listArticles(reviewer), table: 'Claim', where: /GROUP BY/, index: 'Claim_articleId_status_idx' },
  {
    read: 'recordVerdict: the previous verdict',
    run: async () => {
      const claim = (await getArticle(reviewer, articleId)).claims[1]!;
      await recordVerdict(reviewer, claim.id, { rating: 'Mixed', explanation: 'Second look.', version: claim.version });
    },
    table: 'Verdict', where: whereOn('claimId'), index: 'Verdict_claimId_createdAt_idx',
  },
  {
    read: 'reuseReview: live sources of the reused claim',
    run: async () => {
      const claim = (await getArticle(reviewer, articleId)).claims[0]!;
      await reuseReview(reviewer, claim.id, { from: claimIds[1]!, version: claim.version });
    },
    table: 'Source', where: whereOn('removedAt'), index: 'Source_claimId_removedAt_idx',
  },
  {
    read: 'createArticle: claims just stored, for their relations',
    run: () => createArticle(editor, { title: 'Tolls again', text: 'The toll rose to $6 in 2024.\n\nThe toll rose to $6 in 2024, the agency said.' }),
    table: 'Claim', where: whereOn('articleId'), index: 'Claim_articleId_(ordinal|status)_idx',
  },
];

for (const hot of HOT) {
  test(`${hot.read} uses ${hot.index} (${isPostgres ? 'PostgreSQL' : 'SQLite'})`, async () => {
    // A lookup over an empty id list ("IN (NULL)", e.g. the sources of an article's archived claims
    // when it has none) reads no rows at all; PostgreSQL plans it as a one-time false filter.
    const statements = (await statementsOf(hot.run)).filter((s) => /^SELECT/.test(s.sql) && fromTable(hot.table).test(s.sql) && hot.where.test(s.sql) && !/IN \(NULL\)/.test(s.sql));
    assert.ok(statements.length > 0, `the data layer ran no SELECT on ${hot.table} matching ${hot.where}`);
    for (const s of statements) {
      const p = await plan(s);
      assert.match(p, new RegExp(hot.index), `no ${hot.index} in the plan of\n${s.sql}\n---\n${p}`);
      assert.doesNotMatch(p, isPostgres ? new RegExp(`Seq Scan on "${hot.table}"`) : new RegExp(`^SCAN ${hot.table}$`, 'm'), `full scan of ${hot.table}`);
    }
  });
}
