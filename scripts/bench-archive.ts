// `npm run bench:archive`: export and import of a fully reviewed 10,000-word article (every claim
// with a source and a verdict) on a SQLite database made for the run, as ratios to two baselines
// timed in the same run: JSON.parse + JSON.stringify of the same archive (the floor for any
// JSON format), and loading the same draft as a new article (extraction + inserts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from './make-article';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'factdesk-bench-archive-'));
  process.env.DATABASE_URL = `file:${join(dir, 'bench.db')}`;
  process.env.BCRYPT_COST ??= '4';
  const migrated = spawnSync(process.execPath, ['scripts/db-migrate.mjs'], { env: process.env, encoding: 'utf8' });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const { createArticle } = await import('../lib/db/articles');
  const { attachSource, recordVerdict } = await import('../lib/db/claims');
  const { createUserAsOperator } = await import('../lib/db/users');
  const { exportReviewArchive, importReviewArchive } = await import('../lib/db/review-archive');
  const { db } = await import('../lib/db/client');

  const u = await createUserAsOperator({ email: 'bench-admin@example.com', password: 'correct horse battery', role: 'admin' });
  const admin = { id: u.id, email: u.email, name: '', role: 'admin' as const };
  const text = makeArticle(10_000);
  const loads: number[] = [];
  let articleId = '';
  for (let i = 0; i < RUNS; i++) loads.push(await time(async () => { articleId = (await createArticle(admin, { title: `Bench ${i}`, text })).id; }));
  const claims = await db().claim.findMany({ where: { articleId }, select: { id: true, version: true } });
  for (const c of claims) {
    await attachSource(admin, c.id, { url: 'https://example.org/evidence', title: 'Evidence', stance: 'supports', version: c.version });
    await recordVerdict(admin, c.id, { rating: 'True', explanation: 'Checked against the record.', version: c.version + 1 });
  }

  const exports: number[] = [];
  let body = '';
  for (let i = 0; i < RUNS; i++) exports.push(await time(async () => { body = (await exportReviewArchive(admin, articleId)).body; }));
  const imports: number[] = [];
  for (let i = 0; i < RUNS; i++) imports.push(await time(() => importReviewArchive(admin, body)));
  const json: number[] = [];
  for (let i = 0; i < RUNS; i++) json.push(await time(() => JSON.stringify(JSON.parse(body))));
  const doc = JSON.parse(body) as { claims: unknown[]; verdicts: unknown[]; sources: unknown[]; events: unknown[] };
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });

  const [ex, im, js, load] = [median(exports), median(imports), median(json), median(loads)];
  console.log(`review archive of a 10,000-word article: ${doc.claims.length} claims, ${doc.verdicts.length} verdicts, ${doc.sources.length} sources, ${doc.events.length} events, ${(Buffer.byteLength(body) / 1024).toFixed(0)} KB (SQLite, median of ${RUNS})`);
  console.log(`  baseline JSON.parse+stringify  ${js.toFixed(1)} ms`);
  console.log(`  baseline load the draft        ${load.toFixed(0)} ms`);
  console.log(`  export                         ${ex.toFixed(0)} ms  (${(ex / js).toFixed(1)}x JSON, ${(ex / load).toFixed(2)}x load)`);
  console.log(`  import                         ${im.toFixed(0)} ms  (${(im / js).toFixed(1)}x JSON, ${(im / load).toFixed(2)}x load)`);
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
