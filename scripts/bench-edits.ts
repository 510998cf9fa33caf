// Speed of correcting the extraction by hand, on a long article (50,000 words, about 300 KB, some
// 500+ claims): each edit's median and p95 in ms, and as a ratio to dismissing a claim (the simplest
// versioned write with a history event) timed in the same run on the same database.
//   node --import tsx --conditions=react-server scripts/bench-edits.ts            (a temp SQLite file)
//   DATABASE_URL=postgresql://... node --import tsx --conditions=react-server scripts/bench-edits.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeArticle } from './make-article';

const WORDS = Number(process.env.BENCH_WORDS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

process.env.DATABASE_URL ??= `file:${join(mkdtempSync(join(tmpdir(), 'bench-edits-')), 'bench.db')}`;
execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { stdio: ['ignore', 'ignore', 'inherit'], env: process.env });

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.floor(0.95 * s.length))]! };
};

async function main() {
  const { createArticle, getArticle } = await import('../lib/db/articles');
  const { dismissClaim } = await import('../lib/db/claims');
  const { addClaim, markNotAClaim, mergeClaims, resizeClaim, splitClaim } = await import('../lib/db/claim-edits');
  const { createUserAsOperator } = await import('../lib/db/users');
  const { splitSentences } = await import('../lib/claims/sentences');
  const u = await createUserAsOperator({ email: `bench-edits-${Date.now()}@example.com`, password: 'bench password 123', role: 'editor' });
  const actor = { id: u.id, email: u.email, name: '', role: 'editor' as const };
  const text = makeArticle(WORDS);
  const { id } = await createArticle(actor, { title: 'Bench edits', byline: '', text });
  const fresh = async () => [...(await getArticle(actor, id)).claims].sort((a, b) => a.start - b.start);
  const time = async (fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); return performance.now() - t; };
  const results: Record<string, number[]> = { dismiss: [], add: [], resize: [], split: [], merge: [], 'not a claim': [] };

  let claims = await fresh();
  console.log(`${text.length} characters, ${text.split(/\s+/).length} words, ${claims.length} claims; ${RUNS} runs each on ${process.env.DATABASE_URL!.split(':')[0]}`);
  // Sentences with no claim on them: where a reviewer adds one.
  const gaps = splitSentences(text).filter((s) => !claims.some((c) => c.start < s.end && s.start < c.end));
  const step = Math.max(1, Math.floor(claims.length / (RUNS * 6)));
  // Interleaved, so a slow moment of the shared machine hits every kind alike.
  for (let r = 0; r < RUNS; r++) {
    claims = await fresh();
    const pick = (k: number) => claims[Math.min(claims.length - 2, (r * 6 + k) * step)]!;
    const d = pick(0);
    results.dismiss!.push(await time(() => dismissClaim(actor, d.id, { reason: 'bench', version: d.version })));
    const gap = gaps[r % gaps.length]!;
    results.add!.push(await time(() => addClaim(actor, id, { start: gap.start, end: gap.end })));
    const rs = pick(1);
    const shorter = rs.quote.lastIndexOf(' ');
    results.resize!.push(await time(() => resizeClaim(actor, rs.id, { start: rs.start, end: rs.start + shorter, version: rs.version })));
    const sp = pick(2);
    results.split!.push(await time(() => splitClaim(actor, sp.id, { at: sp.start + sp.quote.indexOf(' ', Math.floor(sp.quote.length / 2)), version: sp.version })));
    claims = await fresh();
    const m = pick(3);
    const next = claims[claims.indexOf(m) + 1]!;
    results.merge!.push(await time(() => mergeClaims(actor, { ids: [m.id, next.id], versions: [m.version, next.version] })));
    claims = await fresh();
    const n = pick(4);
    results['not a claim']!.push(await time(() => markNotAClaim(actor, n.id, { version: n.version })));
  }
  const base = stats(results.dismiss!).median;
  console.log('edit           median ms   p95 ms   median / dismiss');
  for (const [name, xs] of Object.entries(results)) {
    const s = stats(xs);
    console.log(`${name.padEnd(14)} ${s.median.toFixed(1).padStart(9)} ${s.p95.toFixed(1).padStart(8)}   ${(s.median / base).toFixed(2)}x`);
  }
  const sentences = await time(async () => splitSentences(text));
  console.log(`(splitting the whole text into sentences, which every edit does once: ${sentences.toFixed(1)} ms)`);
}

main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
