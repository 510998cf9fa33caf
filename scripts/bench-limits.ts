// `npm run bench:limits`: what hostile uploads cost the production server (issue 8, findings 1 and 5).
// Starts `next start` (as `npm start` does; instrumentation.ts gives the app the socket address) on a fresh SQLite
// database, signs in, and sends over real HTTP: the 100 MB and 300 MB .docx zip bombs, and a
// 400 MB JSON body streamed without Content-Length. For each: time to the answer (also as a ratio to
// /api/health timed in the same run), the server's RSS before and after, and its peak (VmHWM).
import { request as httpRequest } from 'node:http';
import { makeDocxBomb } from '../lib/ingest/docx-fixtures';
import { benchApp, benchPort, createAdmin, prepareApp, serverMemory, Session, startServer, stopServer, waitFor } from './bench-server';

const MB = 1024 * 1024;
const PORT = benchPort();
const app = benchApp('bench-limits', PORT);
const BASE = app.base;
const session = new Session(BASE);
const http = (path: string, init: RequestInit = {}) => session.fetch(path, init);

/** Streams `total` bytes as a chunked body; resolves when the server answers. */
function streamJson(path: string, total: number): Promise<{ status: number; sentMb: number }> {
  const chunk = Buffer.from(`{"rating":"False","explanation":"${'x'.repeat(64 * 1024)}`);
  return new Promise((done, fail) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(`${BASE}${path}`, { method: 'POST', headers: { cookie: session.cookie, origin: BASE, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => {
        req.destroy();
        done({ status: res.statusCode ?? 0, sentMb: sent / MB });
      });
    });
    req.on('error', (e) => { if (!answered) fail(e); });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function main(): Promise<void> {
  prepareApp(app);
  const server = startServer(app, PORT, { stdio: 'ignore' });
  try {
    await waitFor(`${BASE}/api/health`);
    const json = { 'content-type': 'application/json' };
    createAdmin(app, 'bench@example.com');
    await session.signIn('bench@example.com');
    // Warm up the routes once so first-hit compilation is not counted.
    await (await http('/api/articles', { method: 'POST', headers: json, body: JSON.stringify({ title: 'warm-up', text: 'Fares rose 5 percent.' }) })).arrayBuffer();
    const xs: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await (await http('/api/health')).arrayBuffer();
      xs.push(performance.now() - t);
    }
    const health = xs.sort((a, b) => a - b)[15]!;

    const rows: string[] = [];
    const measure = async (name: string, run: () => Promise<string>) => {
      const before = serverMemory([server.pid!]);
      const t = performance.now();
      const outcome = await run();
      const ms = performance.now() - t;
      const after = serverMemory([server.pid!]);
      rows.push(`${name.padEnd(40)} ${outcome.padEnd(22)} ${ms.toFixed(0).padStart(7)} ${(ms / health).toFixed(0).padStart(9)} ${before.rss.toFixed(0).padStart(7)} ${after.rss.toFixed(0).padStart(7)} ${after.peak.toFixed(0).padStart(7)}`);
    };
    for (const inflated of [100, 300]) {
      const bomb = await makeDocxBomb(inflated * MB);
      await measure(`.docx ${(bomb.byteLength / 1024).toFixed(0)} KB -> ${inflated} MB`, async () => {
        const form = new FormData();
        form.set('title', 'bomb');
        form.set('file', new File([new Uint8Array(bomb)], 'bomb.docx'));
        const res = await http('/api/articles', { method: 'POST', body: form });
        await res.arrayBuffer();
        return `${res.status}`;
      });
    }
    await measure('400 MB JSON, chunked (no length)', async () => {
      const r = await streamJson('/api/claims/none/verdict', 400 * MB);
      return `${r.status} after ${r.sentMb.toFixed(0)} MB sent`;
    });

    console.log(`\nlimits benchmark on ${new Date().toISOString()} (node ${process.version}); health median ${health.toFixed(1)} ms\n`);
    console.log(`${'request'.padEnd(40)} ${'answer'.padEnd(22)} ${'ms'.padStart(7)} ${'x health'.padStart(9)} ${'RSS MB'.padStart(7)} ${'after'.padStart(7)} ${'peak'.padStart(7)}`);
    for (const row of rows) console.log(row);
  } finally {
    await stopServer(server);
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
