// The extraction pool with real worker threads: same result as extracting in-process, a job past
// its time budget is stopped (its thread ends) with a message a person can act on, and a full
// queue is refused at once instead of piling up.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { extractClaims } from '../claims/extract';
import { extractClaimsOffThread } from './index';

// Read when the pool is first used: one worker, one job waiting.
process.env.FACTDESK_EXTRACT_THREADS = '1';
process.env.FACTDESK_EXTRACT_QUEUE = '1';

const SMALL = 'Unemployment fell to 4.2 percent in May.\n\nThe jobless rate was 4.8 percent in May, the ministry said.';
// Issue 8's worst case, 1 MB of one sentence: several seconds of work even with linear relations.
const HUGE = 'Unemployment fell to 4.2 percent in May. '.repeat(25_000);

/** CPU time so far of each OS thread of this process (Linux /proc), by thread id. */
function cpuByThread(): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') continue; // ended since the listing
      throw error;
    }
    // Fields after "(comm)": state is the first, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(tid, Number(fields[11]) + Number(fields[12]));
  }
  return out;
}

async function until(what: string, ok: () => boolean, deadlineMs: number): Promise<void> {
  const end = performance.now() + deadlineMs;
  while (!ok()) {
    if (performance.now() > end) assert.fail(`${what} within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('off-thread extraction gives exactly what in-process extraction gives', async () => {
  const text = readFileSync('lib/claims/fixtures/relations/bridge.txt', 'utf8');
  assert.deepEqual(await extractClaimsOffThread(text), extractClaims(text));
  assert.deepEqual(await extractClaimsOffThread(text, { all: true }), extractClaims(text, { all: true }));
  assert.equal(await extractClaimsOffThread(text, { json: true }), JSON.stringify(extractClaims(text)));
});

test('a job past its time budget is stopped with a clear error and its worker terminated', async () => {
  await extractClaimsOffThread(SMALL);
  const started = performance.now();
  let settled = false;
  // Handled from the start: the rejection arrives while this test is still sampling threads.
  const job = extractClaimsOffThread(HUGE, { timeBudgetMs: 300 }).then(
    () => assert.fail('the job was not stopped'),
    (e: unknown) => e,
  ).finally(() => {
    settled = true;
  });
  // Which thread does the work: the one whose CPU time grows while the job runs.
  const first = cpuByThread();
  let last = first;
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (!settled) last = cpuByThread();
  }
  const e = await job;
  assert.ok(e instanceof AppError);
  assert.equal(e.status, 503);
  assert.equal(e.message, 'Finding claims took longer than 0.3 seconds, so it was stopped. Try again when the desk is less busy, or split the article into shorter parts.');
  // Answered at the budget, not when the work would have finished (seconds later).
  assert.ok(performance.now() - started < 1_500, `answered after ${Math.round(performance.now() - started)} ms`);
  const [worker, ticks] = [...last].map(([tid, t]) => [tid, t - (first.get(tid) ?? 0)] as const).sort((x, y) => y[1] - x[1])[0]!;
  assert.ok(ticks > 0, 'a thread was busy with the job');
  // Stopped, not abandoned: that thread ends, though its job had seconds of work left.
  await until('the thread that ran the job ends', () => !existsSync(`/proc/self/task/${worker}`), 2_000);
  // A fresh worker takes its place and serves the next job.
  assert.deepEqual(await extractClaimsOffThread(SMALL), extractClaims(SMALL));
});

test('a full queue is refused at once with a message, not piled up', async () => {
  await extractClaimsOffThread(SMALL);
  // One running and one waiting fill this pool; both are stopped by their budget.
  const filling = Promise.allSettled([extractClaimsOffThread(HUGE, { timeBudgetMs: 1_000 }), extractClaimsOffThread(HUGE, { timeBudgetMs: 1_000 })]);
  const started = performance.now();
  await assert.rejects(extractClaimsOffThread(SMALL), (e: unknown) => {
    assert.ok(e instanceof AppError);
    assert.equal(e.status, 503);
    assert.equal(e.message, 'The desk is already finding claims in 2 articles. Try again in a minute.');
    return true;
  });
  assert.ok(performance.now() - started < 100, 'refused without waiting');
  for (const outcome of await filling) {
    assert.equal(outcome.status, 'rejected');
    assert.match(String((outcome as PromiseRejectedResult).reason), /took longer than 1 second, so it was stopped/);
  }
  // Freed slots take work again.
  assert.ok((await extractClaimsOffThread(SMALL)).claims.length > 0);
});
