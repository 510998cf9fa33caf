// What the HTTP benchmarks (bench.ts, bench-limits.ts, bench-load.ts) share: a fresh database, the
// built app under `next start` (as `npm start` runs it, so instrumentation.ts gives the app the
// socket address), an admin made with the operators' `user` command (browser set-up needs the
// link `npm start` prints), signed-in sessions over real HTTP, and the servers' memory from /proc.
import { execFileSync, spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BENCH_PASSWORD = 'bench password 123';

/** A port from BENCH_PORT, or a random one in 4900-4989 so two benches can run side by side. */
export function benchPort(): number {
  return Number(process.env.BENCH_PORT ?? 4900 + Math.floor(Math.random() * 90));
}

export type BenchApp = { dataDir: string; base: string; env: NodeJS.ProcessEnv };

/**
 * A fresh data directory and the environment of a server on `port`: SQLite in that directory unless
 * `databaseUrl` names another database. Hashing is cheap: it runs only at account creation and
 * sign-in, before anything is measured.
 */
export function benchApp(name: string, port: number, databaseUrl?: string): BenchApp {
  const dataDir = mkdtempSync(join(tmpdir(), `factdesk-${name}-`));
  const base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: databaseUrl ?? `file:${join(dataDir, 'bench.db')}`,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: 'bench-only-secret-0123456789abcdef',
    ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', BCRYPT_COST: '4',
    PORT: String(port),
  };
  return { dataDir, base, env };
}

/** Migrates the database and builds the app if its sources changed since the last build. */
export function prepareApp(app: BenchApp): void {
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { env: app.env, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, ['scripts/ensure-build.mjs'], { env: app.env, stdio: 'inherit' });
}

/** `next start` on `port`; `nodeArgs` go to node itself (--cpu-prof, say). */
export function startServer(app: BenchApp, port: number, { nodeArgs = [] as string[], stdio = ['ignore', 'ignore', 'inherit'] as StdioOptions } = {}): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, 'node_modules/next/dist/bin/next', 'start', '-p', String(port)], { env: { ...app.env, PORT: String(port) }, stdio });
}

/** Resolves once `url` answers 2xx; a server that has not come up in a minute is an error. */
export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try { if ((await fetch(url)).ok) return; } catch { /* starting */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/** Stops a server and waits for it to exit (CPU profiles are written on exit). */
export function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}

/** An admin account through `npm run user -- create`, as an operator makes the first one. */
export function createAdmin(app: BenchApp, email: string, password = BENCH_PASSWORD): void {
  execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', 'scripts/user-cli.ts', 'create', '--email', email, '--role', 'admin'], { env: app.env, input: `${password}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
}

/** One person's browser over HTTP: keeps its cookies and sends the Origin a browser would. */
export class Session {
  cookie = '';
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = { cookie: this.cookie, origin: this.base, ...(init.headers as Record<string, string> ?? {}) };
    const res = await fetch(`${this.base}${path}`, { ...init, redirect: 'manual', headers });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const name = pair!.split('=')[0]!;
      this.cookie = [...this.cookie.split('; ').filter((x) => x && !x.startsWith(`${name}=`)), pair].join('; ');
    }
    return res;
  }

  async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await this.fetch(path, { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> ?? {}) } });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async signIn(email: string, password = BENCH_PASSWORD): Promise<void> {
    const { csrfToken } = await this.json<{ csrfToken: string }>('/api/auth/csrf');
    await this.fetch('/api/auth/callback/credentials', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }).toString(),
    });
    if (!this.cookie.includes('session-token')) throw new Error(`sign-in failed for ${email}`);
  }
}

/** The process and its descendants, from /proc. */
export function processTree(root: number): number[] {
  const pids = [root];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (pids.includes(ppid)) pids.push(Number(entry));
    } catch { /* the process ended while we looked */ }
  }
  return pids;
}

/** A server with its child processes: resident memory now (summed) and the highest peak (VmHWM), in MB. */
export function serverMemory(roots: number[]): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  for (const pid of roots.flatMap(processTree)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch { /* gone */ }
  }
  return { rss: rss / 1024, peak: peak / 1024 };
}
