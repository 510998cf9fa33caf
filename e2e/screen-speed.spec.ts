// A measurement, not a check: how fast the review screen follows j on a long article, against a key
// nobody handles timed the same way in the same page (the trivial baseline; machines here are noisy).
//   BENCH_SCREEN=1 node node_modules/@playwright/test/cli.js test e2e/screen-speed.spec.ts --project=desktop
import { expect, test } from '@playwright/test';
import { makeArticle } from '../scripts/make-article';
import { ACCOUNTS, signIn } from './helpers';

test.skip(!process.env.BENCH_SCREEN, 'set BENCH_SCREEN=1 to measure');

test('j on a 10,000-word article (about 360 claims): milliseconds from the key to the moved selection', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, ACCOUNTS.editor);
  const res = await page.request.post('/api/articles', { data: { title: 'Speed of j', text: makeArticle(10_000) }, timeout: 120_000 });
  expect(res.status()).toBe(201);
  const { id, claims } = (await res.json()) as { id: string; claims: unknown[] };
  await page.goto(`/articles/${id}`);
  await expect(page.locator('mark.claim')).toHaveCount(claims.length);
  const times = await page.evaluate(async () => {
    const press = async (key: string) => {
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      // React flushes a keydown's update before the next task; the DOM then shows the new selection.
      await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const j: number[] = [];
    const idle: number[] = [];
    for (let i = 0; i < 30; i++) {
      idle.push(await press('x'));
      j.push(await press('j'));
    }
    return { j: median(j), idle: median(idle), selected: document.querySelector('.claim-item.selected')?.textContent ?? '' };
  });
  expect(times.selected).toContain('#31 ·');
  console.log(`claims ${claims.length}: j ${times.j.toFixed(1)} ms, unhandled key ${times.idle.toFixed(1)} ms, ratio ${(times.j / Math.max(times.idle, 0.1)).toFixed(1)}x`);
});
