// `npm run bench:load`: a desk's load on the built app, with zero lost writes (issue 13).
//   npm run bench:load -- [--postgres] [--instances 2] [--duration 30] [--connections 50] [--profile]
//                         [--rounds 3] [--phases health,article,verdict,mix] [--articles 6] [--port 3110]
// Starts `next start` on a fresh database (SQLite by default; --postgres makes a database on the local
// PostgreSQL; --instances N starts N servers on it behind the tiny round-robin proxy below for set-up
// and sign-in, while each measured reviewer talks to one instance directly), signs in
// `connections` reviewers over HTTP, and drives with autocannon, each phase for --duration seconds at
// the same concurrency (in --rounds turns, so that all see the same machine load):
//   health   GET /api/health: the trivial route, the framework's own limit on this machine
//   article  GET /api/articles/:id (18-claim articles)
//   verdict  POST /api/claims/:id/verdict with the claim's current version
//   mix      a desk's mix: article reads, history reads (the latest 50 events), verdicts, sources,
//            dismissals
// and prints req/s and p50/p95/p99 per kind as ratios to the health phase, the servers' memory before
// and after, and checks the history: every accepted write (2xx) appears exactly once, every refused
// one (409: someone else saved first) not at all. --profile writes a CPU profile of each server
// (node --cpu-prof) and prints its top frames by self time.
import autocannon from 'autocannon';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchApp, createAdmin, prepareApp, serverMemory, Session, startServer, stopServer, waitFor } from './bench-server';
import { arg, flag } from './cli-args';
import { makeArticle } from './make-article';


const POSTGRES = flag('postgres');
const INSTANCES = Number(arg('instances', '1'));
const DURATION = Number(arg('duration', '30'));
const CONNECTIONS = Number(arg('connections', '50'));
const PROFILE = flag('profile');
const PHASES = arg('phases', 'health,article,verdict,mix').split(',');
const ROUNDS = Number(arg('rounds', '3'));
const ARTICLES = Number(arg('articles', '6'));
const BASE_PORT = Number(arg('port', process.env.BENCH_PORT ?? '3110'));
if (INSTANCES > 1 && !POSTGRES) throw new Error('--instances > 1 needs --postgres (SQLite is one file for one server)');

const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgresql://root@localhost:5432/postgres';
const pgName = `h_load_bench_${process.pid}`;
const app = benchApp('load', BASE_PORT, POSTGRES ? Object.assign(new URL(PG_ADMIN), { pathname: `/${pgName}` }).toString() : undefined);
const PUBLIC = app.base;
const dataDir = app.dataDir;

// --- servers and the round-robin proxy -------------------------------------------------------

const servers: ChildProcess[] = [];
const instancePorts: number[] = [];
let proxy: http.Server | null = null;

/** The smallest fair proxy: each new request goes to the next instance, over kept-alive sockets. */
function startProxy(ports: number[]): Promise<http.Server> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  let next = 0;
  const server = http.createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const up = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => { res.writeHead(502).end(); });
    req.pipe(up);
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => server.listen(BASE_PORT, () => resolve(server)));
}

/** Resident memory (MB) summed over every server process tree. */
function serverMemoryMb(): number {
  return serverMemory(servers.map((s) => s.pid!)).rss;
}

// --- load ------------------------------------------------------------------------------------

type Kind = 'health' | 'article' | 'history' | 'verdict' | 'source' | 'dismiss';
type Step = { kind: Kind; method: 'GET' | 'POST'; path: string; body?: string; token?: string; claimId?: string };
type Sample = { kind: Kind; ms: number; status: number };

const versions = new Map<string, number>(); // claim id -> newest version any response showed
const claimsOf = new Map<string, string[]>(); // article id -> claim ids
let tokenCounter = 0;
const cyclePosition = new Map<string, number>(); // phase:reviewer -> requests sent so far
const writes = new Map<string, { kind: Kind; status: number }>(); // write token -> outcome (0: no answer)

function noteVersion(id: string, v: number): void {
  if (v > (versions.get(id) ?? 0)) versions.set(id, v);
}

function pick<T>(xs: T[]): T { return xs[Math.floor(Math.random() * xs.length)]!; }

/** The next request of `kind` for a reviewer working on `articleId`. */
function step(kind: Kind, articleId: string): Step {
  if (kind === 'health') return { kind, method: 'GET', path: '/api/health' };
  if (kind === 'article') return { kind, method: 'GET', path: `/api/articles/${articleId}` };
  if (kind === 'history') return { kind, method: 'GET', path: `/api/articles/${articleId}/history?latest=50` };
  const claimId = pick(claimsOf.get(articleId)!);
  const token = `bench-w${++tokenCounter}-`;
  const version = versions.get(claimId) ?? 1;
  if (kind === 'verdict') {
    return { kind, method: 'POST', path: `/api/claims/${claimId}/verdict`, token, claimId, body: JSON.stringify({ rating: pick(['True', 'Mostly true', 'Mixed', 'False']), explanation: `Checked against the record ${token}`, version }) };
  }
  if (kind === 'source') {
    return { kind, method: 'POST', path: `/api/claims/${claimId}/sources`, token, claimId, body: JSON.stringify({ url: 'https://example.org/report', title: `Annual report ${token}`, stance: 'supports', quote: 'A passage', version }) };
  }
  return { kind, method: 'POST', path: `/api/claims/${claimId}/dismiss`, token, claimId, body: JSON.stringify({ reason: `Opinion, not checkable ${token}`, version }) };
}

function onBody(s: Step, status: number, body: string): void {
  if (s.token) writes.set(s.token, { kind: s.kind, status });
  if (status >= 300) return;
  if (s.kind === 'article') {
    const a = JSON.parse(body) as { claims: Array<{ id: string; version: number }> };
    for (const c of a.claims) noteVersion(c.id, c.version);
  } else if ((s.kind === 'verdict' || s.kind === 'dismiss') && s.claimId) {
    noteVersion(s.claimId, (JSON.parse(body) as { version: number }).version);
  }
}

/**
 * One autocannon instance per reviewer (one connection each, its own session cookie), all in this
 * process, for `seconds`. Each request's time runs from when autocannon builds it (right before it
 * is written to the socket: one request in flight per connection) to its response.
 */
async function phase(name: string, cookies: string[], articleIds: string[], cycle: Kind[], seconds: number) {
  const samples: Sample[] = [];
  const t0 = performance.now();
  await Promise.all(cookies.map((cookie, i) => {
    const articleId = articleIds[i % articleIds.length]!;
    // Each reviewer's place in the cycle carries over between rounds: a slow phase would otherwise
    // start every round at the top of the mix and never reach its last kinds.
    const at = `${name}:${i}`;
    let current: Step;
    let sentAt = 0;
    const request = {
      setupRequest: (req: autocannon.Request) => {
        const n = cyclePosition.get(at) ?? 0;
        cyclePosition.set(at, n + 1);
        current = step(cycle[n % cycle.length]!, articleId);
        if (current.token) writes.set(current.token, { kind: current.kind, status: 0 });
        sentAt = performance.now();
        const headers: Record<string, string> = { cookie, origin: PUBLIC };
        if (current.body) headers['content-type'] = 'application/json';
        return { ...req, method: current.method, path: current.path, headers, body: current.body } as autocannon.Request;
      },
      onResponse: (status: number, body: string) => {
        samples.push({ kind: current.kind, ms: performance.now() - sentAt, status });
        onBody(current, status, body);
      },
    };
    // Two instances: each reviewer talks to one directly, and the reviewers of one article are spread
    // over both, so one instance's reads must see the other's writes. (The proxy below served set-up
    // and sign-in; measured through it, it cost this machine more than the app: 1,200 -> 226 req/s
    // for a bare Node server, so it would have measured itself.)
    const url = INSTANCES > 1 ? `http://localhost:${instancePorts[Math.floor(i / articleIds.length) % instancePorts.length]}` : PUBLIC;
    return autocannon({ url, connections: 1, duration: seconds, requests: [request], timeout: 30 });
  }));
  return { name, samples, seconds: (performance.now() - t0) / 1000 };
}

function pct(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

type Row = { label: string; n: number; rps: number; p50: number; p95: number; p99: number; statuses: Record<number, number> };
function summarise(label: string, samples: Sample[], seconds: number): Row {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses: Record<number, number> = {};
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  return { label, n: samples.length, rps: samples.length / seconds, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99), statuses };
}

// --- profile summary -------------------------------------------------------------------------

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
function topFrames(dir: string, n = 15): string[] {
  const self = new Map<string, number>();
  let total = 0;
  // Main threads only (CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile): the extraction pool's
  // worker threads sit idle in Atomics.wait and would swamp the table.
  for (const f of readdirSync(dir).filter((x) => /\.\d+\.0\.\d+\.cpuprofile$/.test(x))) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { nodes: ProfileNode[] };
    for (const node of p.nodes) {
      const hits = node.hitCount ?? 0;
      if (!hits) continue;
      const url = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\.next\//, '.next/');
      const key = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + hits);
      if (node.callFrame.functionName !== '(idle)') total += hits;
    }
  }
  self.delete('(idle) :0');
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, h]) => `${((100 * h) / total).toFixed(1).padStart(5)}%  ${k}`);
}

// --- main ------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (POSTGRES) execFileSync(process.execPath, ['scripts/pg-admin.mjs', PG_ADMIN, `create database ${pgName}`], { stdio: 'inherit' });
  prepareApp(app);
  const ports = INSTANCES > 1 ? Array.from({ length: INSTANCES }, (_, i) => BASE_PORT + 1 + i) : [BASE_PORT];
  instancePorts.push(...ports);
  const profile = PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(dataDir, 'profiles')}`] : [];
  for (const port of ports) servers.push(startServer(app, port, { nodeArgs: profile }));
  for (const port of ports) await waitFor(`http://localhost:${port}/api/health`);
  if (INSTANCES > 1) proxy = await startProxy(ports);

  const admin = new Session(PUBLIC);
  const password = 'bench password 123';
  // The admin through the operators' command (browser set-up needs the link `npm start` prints).
  createAdmin(app, 'admin@bench.test', password);
  await admin.signIn('admin@bench.test', password);
  const articleIds: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    // ~330 words: about 18 claims, the size of the seed article.
    const text = makeArticle(330 + 10 * i).replace(/\d+/g, (d) => String(Number(d) + i));
    const a = await admin.json<{ id: string; claims: Array<{ id: string; version: number }> }>('/api/articles', { method: 'POST', body: JSON.stringify({ title: `Load ${i}`, text }) });
    articleIds.push(a.id);
    claimsOf.set(a.id, a.claims.map((c) => c.id));
    for (const c of a.claims) noteVersion(c.id, c.version);
  }
  const cookies: string[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const email = `reviewer${i}@bench.test`;
    await admin.json('/api/users', { method: 'POST', body: JSON.stringify({ email, password, role: 'reviewer', name: `Reviewer ${i}` }) });
    const b = new Session(PUBLIC);
    await b.signIn(email, password);
    cookies.push(b.cookie);
  }
  const claimCounts = articleIds.map((id) => claimsOf.get(id)!.length);
  console.log(`${POSTGRES ? 'PostgreSQL' : 'SQLite'}, ${INSTANCES} instance(s), ${CONNECTIONS} reviewers, ${ARTICLES} articles (${Math.min(...claimCounts)}-${Math.max(...claimCounts)} claims), ${DURATION} s per phase in ${ROUNDS} rounds; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);

  // Warm-up: first hits load route modules.
  await phase('warm-up', cookies, articleIds, ['health', 'article', 'history', 'verdict', 'source', 'dismiss'], 3);
  const memoryBefore = serverMemoryMb();

  // The machine is shared and its load swings within a minute, so the phases take turns in
  // ROUNDS slices each rather than one long block each: every kind sees the same weather.
  const cycles: Record<string, Kind[]> = {
    health: ['health'],
    article: ['article'],
    verdict: ['verdict'],
    mix: ['article', 'article', 'history', 'verdict', 'article', 'source', 'article', 'dismiss', 'article', 'verdict'],
  };
  const totals: Record<string, { samples: Sample[]; seconds: number }> = {};
  for (const name of Object.keys(cycles)) totals[name] = { samples: [], seconds: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    for (const name of PHASES) {
      const res = await phase(name, cookies, articleIds, cycles[name]!, DURATION / ROUNDS);
      totals[name]!.samples.push(...res.samples);
      totals[name]!.seconds += res.seconds;
    }
  }
  const { health, article, verdict, mix } = totals as Record<'health' | 'article' | 'verdict' | 'mix', { samples: Sample[]; seconds: number }>;
  const memoryAfter = serverMemoryMb();

  const base = summarise('GET /api/health (trivial route)', health.samples, Math.max(health.seconds, 1e-9));
  const rows: Row[] = [
    base,
    summarise('GET /api/articles/:id (alone)', article.samples, article.seconds),
    summarise('POST verdict (alone)', verdict.samples, verdict.seconds),
    summarise('mix: all requests', mix.samples, mix.seconds),
    ...(['article', 'history', 'verdict', 'source', 'dismiss'] as Kind[]).map((k) => summarise(`mix: ${k}`, mix.samples.filter((s) => s.kind === k), mix.seconds)),
  ];
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '-');
  console.log(`\n${'kind'.padEnd(34)}${'req/s'.padStart(8)}${'x'.padStart(6)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'p99'.padStart(7)}${'p95 x'.padStart(7)}  statuses`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(34)}${f(r.rps).padStart(8)}${(r.rps / base.rps).toFixed(2).padStart(6)}${f(r.p50).padStart(7)}${f(r.p95).padStart(7)}${f(r.p99).padStart(7)}${(r.p95 / base.p95).toFixed(1).padStart(7)}  ${JSON.stringify(r.statuses)}`);
  }
  console.log('(x: req/s as a share of the trivial route\'s; p95 x: p95 as a multiple of its p95; ms)');
  console.log(`load average at the end: ${loadavg()[0]!.toFixed(1)}`);
  console.log(`server memory (RSS, all instances): ${memoryBefore.toFixed(0)} MB before the measured phases, ${memoryAfter.toFixed(0)} MB after`);

  // ETag over HTTP: unchanged -> 304 with no body; after a write the old tag gets the new article.
  const first = await admin.fetch(`/api/articles/${articleIds[0]}`);
  const tag = first.headers.get('etag') ?? '';
  // The claim's version as the article shows it now (the measured writes moved it on).
  const shown = (await first.json()) as { claims: Array<{ id: string; version: number }> };
  const same = await admin.fetch(`/api/articles/${articleIds[0]}`, { headers: { 'if-none-match': tag } });
  const sameBody = await same.text();
  const etagClaim = shown.claims[0]!;
  await admin.json(`/api/claims/${etagClaim.id}/sources`, { method: 'POST', body: JSON.stringify({ url: 'https://example.org/etag', title: 'ETag check', stance: 'context', version: etagClaim.version }) });
  const moved = await admin.fetch(`/api/articles/${articleIds[0]}`, { headers: { 'if-none-match': tag } });
  await moved.arrayBuffer();
  const etagOk = Boolean(tag) && same.status === 304 && sameBody === '' && moved.status === 200 && moved.headers.get('etag') !== tag;
  console.log(`ETag: unchanged ${same.status}, after a write ${moved.status}: ${etagOk ? 'OK' : 'FAILED'}`);
  if (!etagOk) process.exitCode = 1;

  // Zero lost, zero duplicated: each write carried a unique token in its text; the history must hold
  // each accepted one exactly once and no refused one.
  // Only an event's `after` counts: a verdict's or dismissal's `before` repeats the previous one.
  const seen = new Map<string, number>();
  for (const id of articleIds) {
    const { events } = await admin.json<{ events: Array<{ after: unknown }> }>(`/api/articles/${id}/history`);
    for (const e of events) {
      for (const m of JSON.stringify(e.after ?? null).matchAll(/bench-w\d+-/g)) seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
    }
  }
  let accepted = 0, refused = 0, unanswered = 0, other = 0, lost = 0, duplicated = 0, phantom = 0, unansweredSaved = 0;
  for (const [token, w] of writes) {
    const n = seen.get(token) ?? 0;
    if (n > 1) duplicated++;
    if (w.status >= 200 && w.status < 300) { accepted++; if (n === 0) lost++; }
    else if (w.status === 409) { refused++; if (n > 0) phantom++; }
    else if (w.status === 0) { unanswered++; if (n > 0) unansweredSaved++; }
    else other++;
  }
  const unknown = [...seen.keys()].filter((t) => !writes.has(t)).length;
  console.log(`writes: ${accepted} accepted, ${refused} refused (409), ${other} other statuses, ${unanswered} cut off by the end of a phase (${unansweredSaved} of them saved)`);
  console.log(`history check: lost ${lost}, duplicated ${duplicated}, refused but recorded ${phantom}, recorded but never sent ${unknown}: ${lost + duplicated + phantom + unknown === 0 ? 'OK' : 'FAILED'}`);
  if (lost || duplicated || phantom || unknown) process.exitCode = 1;
}

async function stop(): Promise<void> {
  proxy?.close();
  await Promise.all(servers.map(stopServer));
  if (PROFILE) {
    // Profiles are written as each process exits.
    await new Promise((r) => setTimeout(r, 1000));
    const dir = join(dataDir, 'profiles');
    if (!existsSync(dir)) return console.log('no CPU profile was written');
    console.log(`\nCPU profile (${dir}), top frames by self time:`);
    for (const line of topFrames(dir)) console.log(line);
  }
  if (POSTGRES) execFileSync(process.execPath, ['scripts/pg-admin.mjs', PG_ADMIN, `drop database if exists ${pgName} with (force)`], { stdio: 'inherit' });
}

main().then(stop, async (e: unknown) => {
  console.error(e);
  process.exitCode = 1;
  await stop();
}).then(() => process.exit());
