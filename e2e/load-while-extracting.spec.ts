// Issue 8, finding 2: one big draft must not freeze the desk for everyone else. While an editor's
// 1 MB article is being analysed over real HTTP, other requests keep answering fast, and the
// editor who sent it sees that the work is under way.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';

// 1 MB of one sentence repeated: the draft that took 69 s and stalled /api/health for 68 s.
const HUGE = 'Unemployment fell to 4.2 percent in May. '.repeat(25_000);
// A few seconds keep the suite quick; the benchmark (docs/benchmarks.md) sets LOAD_SAMPLE_MS to cover
// the whole extraction, including the hand-over of the result.
const SAMPLING_MS = Number(process.env.LOAD_SAMPLE_MS ?? 4_000);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

test('while a 1 MB article is being extracted, /api/health p95 stays under 200 ms', async ({ page, playwright, baseURL }) => {
  await signIn(page, ACCOUNTS.editor);
  // The first job starts a worker and loads the model; that start-up is not what is measured here.
  expect((await page.request.post('/api/extract', { data: { text: 'Fares rose 5 percent in May.' } })).status()).toBe(200);

  const someoneElse = await playwright.request.newContext({ baseURL });
  // The same route with nothing else running: the machine is shared, so this is what to compare with.
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    expect((await someoneElse.get('/api/health')).status()).toBe(200);
    idle.push(performance.now() - t0);
  }
  let finished = false;
  let extractMs = 0;
  const started = performance.now();
  const extraction = page.request.post('/api/extract', { data: { text: HUGE }, timeout: 120_000 }).finally(() => {
    finished = true;
    extractMs = performance.now() - started;
  });
  // Sampled until the extraction answers or for a few seconds, whichever comes first.
  const latencies: number[] = [];
  while (!finished && performance.now() - started < SAMPLING_MS) {
    const t0 = performance.now();
    const health = await someoneElse.get('/api/health');
    latencies.push(performance.now() - t0);
    expect(health.status()).toBe(200);
  }
  const sampledWhileBusy = !finished;
  const res = await extraction;
  await someoneElse.dispose();

  const raw = await res.body();
  const body = res.ok() ? (JSON.parse(raw.toString('utf8')) as { claims: unknown[]; relations: unknown[] }) : { claims: [], relations: [] };
  const p95 = percentile(latencies, 95);
  console.log(`POST /api/extract, 1 MB: ${res.status()} in ${extractMs.toFixed(0)} ms, ${body.claims.length} claims, ${(raw.length / 1048576).toFixed(1)} MB of JSON; health idle: p50 ${percentile(idle, 50).toFixed(1)} ms, p95 ${percentile(idle, 95).toFixed(1)} ms; during it: ${latencies.length} requests, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${(p95 / percentile(idle, 95)).toFixed(1)}x idle), max ${Math.max(...latencies).toFixed(1)} ms`);
  expect(res.status()).toBe(200);
  expect(body.claims.length).toBeGreaterThan(20_000);
  // The sampling overlapped the extraction: health answered while the big job was still running.
  expect(sampledWhileBusy || latencies.length >= 20, `/api/health answered only ${latencies.length} times during the extraction`).toBe(true);
  expect(p95).toBeLessThan(200);
  // One request held for the whole extraction is one sample among many; the freeze shows in the max.
  expect(Math.max(...latencies)).toBeLessThan(2_000);
});

test('the load form shows that claims are being found, with a running clock', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Progress while finding claims');
  // Long enough to take more than a second to analyse; opinions, so few claims are stored.
  await page.getByLabel('Article text').fill('I think the new park is a lovely place to spend an afternoon. '.repeat(10_000));
  // On a quiet machine this draft is analysed in under a second, before the clock can tick: hold
  // the request on its way out, so the test is about the form's clock, not this machine's speed.
  await page.route('**/api/articles', async (route) => {
    if (route.request().method() === 'POST') await new Promise((resolve) => setTimeout(resolve, 2_500));
    await route.continue();
  });
  await page.getByRole('button', { name: 'Load article' }).click();
  const progress = page.getByTestId('extraction-progress');
  await expect(progress).toContainText('Finding claims…');
  await expect(progress).toContainText(/[1-9]\d* s/);
  await page.waitForURL((url) => /^\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname), { timeout: 60_000 });
  await expect(page.getByRole('heading', { name: 'Progress while finding claims' })).toBeVisible();
});
