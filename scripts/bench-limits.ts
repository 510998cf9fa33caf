// `npm run bench:limits`: what hostile uploads cost the production server (issue 8, findings 1 and 5).
// Starts `next start` (as `npm start` does; instrumentation.ts gives the app the socket address) on a fresh SQLite
// database, signs in, and sends over real HTTP: the 100 MB and 300 MB .docx zip bombs, and a
// 400 MB JSON body streamed without Content-Length. For each: time to the answer (also as a ratio to
// /api/health timed in the same run), the server's RSS before and after, and its peak (VmHWM).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeDocxBomb } from '../lib/ingest/docx-fixtures';

const MB = 1024 * 1024;
const PORT = Number(process.env.BENCH_PORT ?? 4900 + Math.floor(Math.random() * 90));
const BASE = `http://localhost:${PORT}`;
const dataDir = mkdtempSync(join(tmpdir(), 'factdesk-bench-limits-'));
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: `file:${join(dataDir, 'bench.db')}`,
  NEXTAUTH_URL: BASE,
  NEXTAUTH_SECRET: 'bench-only-secret-0123456789abcdef',
  BCRYPT_COST: '4',
  PORT: String(PORT),
};

let cookie = '';
async function http(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${BASE}${path}`, { ...init, redirect: 'manual', headers: { cookie, ...(init.headers ?? {}) } });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const name = pair!.split('=')[0]!;
    cookie = [...cookie.split('; ').filter((x) => x && !x.startsWith(`${name}=`)), pair].join('; ');
  }
  return res;
}

/** The server and its child processes: RSS now (summed) and the highest peak (VmHWM), in MB. */
function serverMemory(root: number): { rss: number; peak: number } {
  const pids = [root];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (pids.includes(ppid)) pids.push(Number(entry));
    } catch { /* the process ended while we looked */ }
  }
  let rss = 0;
  let peak = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch { /* gone */ }
  }
  return { rss: rss / 1024, peak: peak / 1024 };
}

/** Streams `total` bytes as a chunked body; resolves when the server answers. */
function streamJson(path: string, total: number): Promise<{ status: number; sentMb: number }> {
  const chunk = Buffer.from(`{"rating":"False","explanation":"${'x'.repeat(64 * 1024)}`);
  return new Promise((done, fail) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(`${BASE}${path}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
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
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { env, stdio: 'inherit' });
  const server: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(PORT)], { env, stdio: 'ignore' });
  try {
    for (let i = 0; i < 100; i++) {
      try { if ((await fetch(`${BASE}/api/health`)).ok) break; } catch { /* starting */ }
      await new Promise((r) => setTimeout(r, 200));
    }
    const json = { 'content-type': 'application/json' };
    await http('/api/setup', { method: 'POST', headers: json, body: JSON.stringify({ email: 'bench@example.com', password: 'bench password 123' }) });
    const { csrfToken } = (await (await http('/api/auth/csrf')).json()) as { csrfToken: string };
    await http('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email: 'bench@example.com', password: 'bench password 123', json: 'true' }).toString(),
    });
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
      const before = serverMemory(server.pid!);
      const t = performance.now();
      const outcome = await run();
      const ms = performance.now() - t;
      const after = serverMemory(server.pid!);
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
    server.kill('SIGTERM');
  }
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
