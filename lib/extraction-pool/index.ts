// Claim extraction off the request thread. Extraction is CPU-bound (a 1 MB draft takes seconds), and
// on the server's own thread it stalls every other user's request for as long. Here it runs in a
// small pool of worker threads (piscina) with a time budget per job and a bounded queue, so a big
// draft costs its own sender time and no one else's (issue 8, docs/decisions/010-extraction-off-thread.md).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { AppError } from '../api/errors';
import type { ExtractOptions } from '../claims/extract';
import type { Extraction } from '../claims/schema';

export type OffThreadOptions = ExtractOptions & {
  /** Overrides FACTDESK_EXTRACT_TIMEOUT_MS for this job (queue wait included). */
  timeBudgetMs?: number;
};

type Settings = { threads: number; queue: number; budgetMs: number; memoryMb: number };

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1 (got "${raw}").`);
  return n;
}

function readSettings(): Settings {
  return {
    // One core stays with the server thread that answers everyone else.
    threads: setting('FACTDESK_EXTRACT_THREADS', Math.max(1, Math.min(4, availableParallelism() - 1))),
    queue: setting('FACTDESK_EXTRACT_QUEUE', 8),
    budgetMs: setting('FACTDESK_EXTRACT_TIMEOUT_MS', 60_000),
    // The largest allowed draft (1 MB of one sentence repeated) peaks near 240 MB in a process of
    // its own; a worker that needs four times that is stopped instead of taking the server with it.
    memoryMb: setting('FACTDESK_EXTRACT_MEMORY_MB', 1024),
  };
}

type Pool = { piscina: Piscina; settings: Settings; inFlight: number };

// One pool per server process, kept across Next's dev reloads like the database client.
const holder = globalThis as unknown as { factdeskExtractionPool?: Pool };

function pool(): Pool {
  if (holder.factdeskExtractionPool) return holder.factdeskExtractionPool;
  const settings = readSettings();
  const piscina = new Piscina({
    // Resolved from the project root at run time: the server code is bundled, so paths relative to
    // this module do not exist under `next start` (lib/claims/embeddings.ts does the same).
    filename: join(process.cwd(), 'lib', 'extraction-pool', 'worker.mjs'),
    minThreads: 1,
    maxThreads: settings.threads,
    maxQueue: settings.queue,
    // A warm worker has the model and word vectors loaded; a fresh one loads them first (seconds).
    idleTimeout: 10 * 60_000,
    resourceLimits: { maxOldGenerationSizeMb: settings.memoryMb },
    // Below the server thread in the OS scheduler (nice 10, Linux applies it to the worker's thread
    // alone): when cores are short, requests get them first and extraction waits.
    niceIncrement: 10,
  });
  holder.factdeskExtractionPool = { piscina, settings, inFlight: 0 };
  return holder.factdeskExtractionPool;
}

/** The same result as extractClaims(text, options), computed in a worker thread. */
export async function extractClaimsOffThread(text: string, options?: OffThreadOptions & { json?: false }): Promise<Extraction>;
/**
 * With `json: true`, the same result as JSON text, serialised in the worker: for a route that only
 * forwards it. Turning 25,000 claims into objects on the server thread and back into JSON stalls
 * every other request for most of a second.
 */
export async function extractClaimsOffThread(text: string, options: OffThreadOptions & { json: true }): Promise<string>;
export async function extractClaimsOffThread(text: string, options: OffThreadOptions & { json?: boolean } = {}): Promise<Extraction | string> {
  const p = pool();
  const { threads, queue } = p.settings;
  const budgetMs = options.timeBudgetMs ?? p.settings.budgetMs;
  // Counted here rather than left to piscina's queue limit, so the refusal is ours to word.
  if (p.inFlight >= threads + queue) {
    throw new AppError('unavailable', `The desk is already finding claims in ${p.inFlight} articles. Try again in a minute.`);
  }
  p.inFlight++;
  // Aborting a running job terminates its worker (piscina), which is what frees the core.
  const signal = AbortSignal.timeout(budgetMs);
  try {
    const job = { text, options: options.all === undefined ? {} : { all: options.all }, json: options.json === true };
    return (await p.piscina.run(job, { signal })) as Extraction | string;
  } catch (error) {
    if (signal.aborted) {
      throw new AppError('unavailable', `Finding claims took longer than ${formatSeconds(budgetMs)}, so it was stopped. Try again when the desk is less busy, or split the article into shorter parts.`);
    }
    if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new AppError('too_large', 'Finding claims in this article needed more memory than one job may use, so it was stopped. Split the article into shorter parts.');
    }
    throw error;
  } finally {
    p.inFlight--;
  }
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}
