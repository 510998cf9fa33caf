// `npm run bench`: end-to-end timings of the production server on this machine.
// Starts `next start` on a fresh SQLite database, then measures over real HTTP:
//   - loading a 10,000-word article (extraction + storage)        target < 2 s
//   - server time to render the article page with 500 claims       target < 500 ms
//   - exporting 500 reviewed claims in each format                  target < 500 ms each
//   - GET /api/articles/:id of a 5,000-claim article (issue 13)     target < 300 ms
//   - server time to render that article's page                    target < 1 s
//   - the server's peak memory (VmHWM of the server processes)      target < 500 MB
// Machines here are shared and noisy, so each figure is also printed as a ratio to a trivial route
// (/api/health) timed in the same run: the ratios are what to compare from run to run.
import { writeFileSync } from 'node:fs';
import { benchApp, benchPort, createAdmin, prepareApp, serverMemory, Session, startServer, stopServer, waitFor } from './bench-server';
import { makeArticle } from './make-article';

const PORT = benchPort();
const app = benchApp('bench', PORT);
const session = new Session(app.base);
const http = (path: string, init: RequestInit = {}) => session.fetch(path, init);

async function timed(fn: () => Promise<Response>): Promise<number> {
  const t0 = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`bench request failed with ${res.status}`);
  return performance.now() - t0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  prepareApp(app);
  const server = startServer(app, PORT);
  try {
    await waitFor(`${app.base}/api/health`);
    const json = { 'content-type': 'application/json' };
    createAdmin(app, 'bench@example.com');
    await session.signIn('bench@example.com');

    // Warm up each route once (first hits compile and cache modules).
    for (let i = 0; i < 5; i++) await timed(() => http('/api/health'));
    const text10k = makeArticle(10_000);
    await timed(() => http('/api/articles', { method: 'POST', headers: json, body: JSON.stringify({ title: 'warm-up', text: 'Fares rose 5 percent.' }) }));

    const health = median(await (async () => {
      const xs: number[] = [];
      for (let i = 0; i < 30; i++) xs.push(await timed(() => http('/api/health')));
      return xs;
    })());

    const loads: number[] = [];
    let articleId = '';
    let claimCount = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await http('/api/articles', { method: 'POST', headers: json, body: JSON.stringify({ title: `Bench ${i}`, text: text10k }) });
      const body = (await res.json()) as { id: string; claims: unknown[] };
      loads.push(performance.now() - t0);
      articleId = body.id;
      claimCount = body.claims.length;
    }

    // An article with exactly 500+ claims, every one reviewed with a source, for page and exports.
    let big = text10k;
    let bigClaims: Array<{ id: string; version: number }> = [];
    for (let words = 10_000; ; words += 2_000) {
      big = makeArticle(words);
      const res = await http('/api/articles', { method: 'POST', headers: json, body: JSON.stringify({ title: 'Bench 500', text: big }) });
      const body = (await res.json()) as { id: string; claims: Array<{ id: string; version: number }> };
      if (body.claims.length >= 500) { articleId = body.id; bigClaims = body.claims; break; }
    }
    for (const c of bigClaims.slice(0, 500)) {
      await http(`/api/claims/${c.id}/sources`, { method: 'POST', headers: json, body: JSON.stringify({ url: 'https://example.org/evidence', title: 'Evidence', quote: 'A passage', stance: 'supports', version: c.version }) });
      await http(`/api/claims/${c.id}/verdict`, { method: 'POST', headers: json, body: JSON.stringify({ rating: 'Mostly true', explanation: 'Checked against the record.', version: c.version + 1 }) });
    }
    await timed(() => http(`/articles/${articleId}`));
    const page: number[] = [];
    for (let i = 0; i < 7; i++) page.push(await timed(() => http(`/articles/${articleId}`)));
    const exports: Record<string, number> = {};
    for (const format of ['html', 'md', 'jsonld', 'csv']) {
      await timed(() => http(`/api/articles/${articleId}/export?format=${format}`));
      const xs: number[] = [];
      for (let i = 0; i < 5; i++) xs.push(await timed(() => http(`/api/articles/${articleId}/export?format=${format}`)));
      exports[format] = median(xs);
    }

    // Issue 13, item 4: an article with 5,000 claims (about 140,000 words; under the 1 MB limit).
    // GET /api/articles/:id cold (first read: from the database) and warm (the read cache), and the
    // review page's server time (time to the last byte of the HTML).
    let huge = { id: '', claims: 0 };
    for (let words = 130_000; words <= 170_000; words += 10_000) {
      const res = await http('/api/articles', { method: 'POST', headers: json, body: JSON.stringify({ title: 'Bench 5000', text: makeArticle(words) }) });
      const body = (await res.json()) as { id: string; claims: unknown[] };
      if (!res.ok) throw new Error(`loading the 5,000-claim article failed with ${res.status}`);
      huge = { id: body.id, claims: body.claims.length };
      if (huge.claims >= 5_000) break;
    }
    const hugeApiCold = await timed(() => http(`/api/articles/${huge.id}`));
    const hugeApiWarm: number[] = [];
    for (let i = 0; i < 5; i++) hugeApiWarm.push(await timed(() => http(`/api/articles/${huge.id}`)));
    // Measured even when it fails (it did: a 500 at 5,000 claims), so the rest of the table still prints.
    const hugePage: number[] = [];
    let hugePageStatus = 200;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const res = await http(`/articles/${huge.id}`);
      await res.arrayBuffer();
      hugePage.push(performance.now() - t0);
      if (!res.ok) hugePageStatus = res.status;
    }
    const memory = serverMemory([server.pid!]).peak;

    const rows: Array<[string, number, number | null, string]> = [
      ['health check (baseline)', health, null, ''],
      [`load 10,000-word article (${claimCount} claims)`, median(loads), 2000, 'ms'],
      [`render article page (${bigClaims.length} claims, reviewed)`, median(page), 500, 'ms'],
      ...Object.entries(exports).map(([f, ms]) => [`export ${f} (${bigClaims.length} claims)`, ms, 500, 'ms'] as [string, number, number, string]),
      [`GET /api/articles/:id, ${huge.claims} claims, first read`, hugeApiCold, 300, 'ms'],
      [`GET /api/articles/:id, ${huge.claims} claims, again`, median(hugeApiWarm), 300, 'ms'],
      [`render article page (${huge.claims} claims)${hugePageStatus === 200 ? '' : `: FAILED with ${hugePageStatus}`}`, median(hugePage), 1000, 'ms'],
    ];
    console.log(`\nbenchmark on ${new Date().toISOString()} (${process.platform}, node ${process.version}); medians\n`);
    console.log('what'.padEnd(48), 'ms'.padStart(9), 'x health'.padStart(10), 'target'.padStart(9), '  ok');
    for (const [name, ms, target] of rows) {
      console.log(name.padEnd(48), ms.toFixed(1).padStart(9), (ms / health).toFixed(1).padStart(10), (target ? `<${target}` : '').padStart(9), target ? (ms < target ? '  yes' : '  NO') : '');
    }
    console.log('server peak memory (VmHWM, MB)'.padEnd(48), memory.toFixed(0).padStart(9), ''.padStart(10), '<500'.padStart(9), memory < 500 ? '  yes' : '  NO');
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify({ health, loads, page, exports, memory, claimCount, bigClaims: bigClaims.length, huge, hugeApiCold, hugeApiWarm, hugePage }, null, 2));
  } finally {
    await stopServer(server);
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
