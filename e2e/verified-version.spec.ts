import { expect, test, type APIRequestContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, approveAll, signIn } from './helpers';

const seed = readFileSync('e2e/fixtures/seed-article.txt', 'utf8');

type Claim = { id: string; ordinal: number; quote: string; version: number; publicState: { kind: string; label: string }; sources: unknown[] };
type Article = { claims: Claim[]; status: string; revision: { number: number } };

async function article(request: APIRequestContext, id: string): Promise<Article> {
  return (await (await request.get(`/api/articles/${id}`)).json()) as Article;
}

/** Reviews a claim over the API (a source, then a verdict): the journey's other reviewers. */
async function rate(request: APIRequestContext, claim: Claim, rating: string, correction?: string) {
  const added = await request.post(`/api/claims/${claim.id}/sources`, { data: { url: 'https://example.org/wire', title: 'Wire copy', stance: 'supports', version: claim.version } });
  expect(added.status()).toBe(201);
  // Adding the source moved the claim to its next version: the verdict goes on top of it.
  const { version } = (await added.json()) as { version: number };
  const res = await request.post(`/api/claims/${claim.id}/verdict`, { data: { rating, explanation: `Checked: ${rating}.`, correction, version } });
  expect(res.status()).toBe(201);
}

test('first draft to revised draft to a verified, corrected export', async ({ page, browser }) => {
  await signIn(page, ACCOUNTS.editor);
  const res = await page.request.post('/api/articles', { data: { title: 'Veto story (verified version)', byline: 'Carolyn Briggs', text: seed } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await page.goto(`/articles/${id}`);
  await expect(page.getByTestId('article-status')).toContainText('draft');

  // Review some claims: "87 people" in the UI, the veto count with a correction over the API.
  const marks = page.locator('mark.claim');
  const dialog = page.getByRole('dialog');
  await marks.filter({ hasText: 'killed 87 people' }).click();
  await dialog.getByLabel('Source URL').fill('https://www.opcw.org/media-centre/news');
  await dialog.getByLabel('Source title').fill('OPCW report');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByRole('link', { name: 'OPCW report' })).toBeVisible();
  await dialog.getByLabel('Rating').selectOption('True');
  await dialog.getByLabel('Explanation').fill('The OPCW put the toll at 87.');
  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: True' })).toBeVisible();
  await page.keyboard.press('Escape');
  let a = await article(page.request, id);
  const veto = a.claims.find((c) => c.quote.startsWith("Russia's veto was the eighth"))!;
  await rate(page.request, veto, 'Mostly false', "Russia's veto was the eighth by the country at the UN Security Council on Syria.");
  // A second person approves both verdicts: only approved verdicts are published (decision 018).
  expect(await approveAll(browser, id)).toBe(2);

  // A revised draft: three sentences edited, one removed.
  const removed = a.claims.find((c) => c.quote.includes('dozens of letters'))!;
  const draft2 = seed
    .replace('killed 87 people', 'killed 86 people')
    .replace('six-year Syrian conflict', 'seven-year Syrian conflict')
    .replace('has dropped further since', 'has fallen further since')
    .replace(removed.quote, '');
  await page.getByText('Load a new draft').click();
  await page.getByLabel('New draft text').fill(draft2);
  await page.getByRole('button', { name: 'Load new draft' }).click();
  await expect(page.getByTestId('draft-result')).toContainText('Draft 2 loaded');
  await expect(page.getByTestId('draft-result')).toContainText('3 changed (check again), 1 removed');
  await page.reload();
  await expect(page.getByRole('tab', { name: /Changed/ })).toContainText('3');
  await expect(marks.filter({ hasText: 'killed 86 people' })).toHaveAttribute('data-status', 'Wording changed: check again');
  await expect(marks.filter({ hasText: "Russia's veto was the eighth" })).toHaveAttribute('data-status', 'Mostly false');
  await expect(page.getByRole('heading', { name: /Removed in later drafts \(1\)/ })).toBeVisible();
  await expect(page.locator('.archived-claims')).toContainText('dozens of letters');

  // The gate refuses, listing what is missing with links to each claim.
  await page.getByRole('button', { name: 'Mark verified' }).click();
  await expect(page.getByTestId('form-error')).toContainText('cannot be marked verified yet');
  const checklist = page.getByRole('list', { name: 'What is missing' });
  await expect(checklist.locator('[data-problem="stale"]')).toHaveCount(3);
  await expect(checklist.locator('[data-problem="correction_pending"]')).toHaveCount(1);

  // Review the stale "86 people" claim: the dialog shows before and after; the verdict form is prefilled.
  await marks.filter({ hasText: 'killed 86 people' }).click();
  await expect(dialog.getByTestId('stale-change')).toContainText('killed 87 people');
  await expect(dialog.getByTestId('stale-change')).toContainText('killed 86 people');
  await dialog.getByLabel('Rating').selectOption('False');
  await dialog.getByLabel('Explanation').fill('The toll was 87, not 86.');
  await dialog.getByLabel('Correction (what the sentence should say)').fill('The White House has accused Moscow of trying to cover up Assad\'s use of chemical weapons after the attack on a rebel-held Syrian town last week killed 87 people.');
  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: False' })).toBeVisible();
  await page.keyboard.press('Escape');

  // The desk reviews everything else (over the API, as colleagues would).
  a = await article(page.request, id);
  for (const c of a.claims) {
    if (c.publicState.kind === 'rated' || c.publicState.kind === 'awaiting') {
      if (c.sources.length === 0) expect((await page.request.post(`/api/claims/${c.id}/sources`, { data: { url: 'https://example.org/x', title: 'X', stance: 'context', version: c.version } })).status()).toBe(201);
      continue;
    }
    if (c.ordinal % 2) await rate(page.request, c, 'True');
    else expect((await page.request.post(`/api/claims/${c.id}/dismiss`, { data: { reason: 'Opinion', version: c.version } })).status()).toBe(200);
  }
  // Every new verdict waits for approval; the gate would list each one until a second person approves.
  await approveAll(browser, id);
  await page.reload();
  // Two corrections wait for the editor: accept both.
  for (const n of [0, 1]) {
    await page.locator('.corrections-list li').first().getByRole('button', { name: /^Accept/ }).click();
    await expect(page.locator('.corrections-list li')).toHaveCount(1 - n);
  }
  await page.getByLabel('Public URL of the fact check').fill('https://news.example/fact-checks/veto');
  await page.getByRole('button', { name: 'Save URL' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Public URL saved.' })).toBeVisible();
  await page.getByRole('button', { name: 'Mark verified' }).click();
  await expect(page.getByTestId('article-status')).toContainText('verified');

  // The verified version: corrected text, and a corrections note drafted from the history.
  const verified = await page.request.get(`/api/articles/${id}/export?format=verified-html`);
  expect(verified.status()).toBe(200);
  const html = await verified.text();
  const body = html.slice(html.indexOf('<article>'), html.indexOf('<section class="corrections"'));
  expect(body).toContain('last week killed 87 people.');
  expect(body).not.toContain('killed 86 people');
  expect(html).toMatch(/<h2 id="corrections-h">Corrections<\/h2>/);
  expect(html).toContain('An earlier version of this article said: &quot;The White House has accused Moscow');
  const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Array<{ url: string }>;
  expect(ld.every((r) => r.url.startsWith('https://news.example/fact-checks/veto#claim-'))).toBe(true);
  await page.reload();
  await expect(page.getByTestId('article-status')).toContainText('exported');

  // The drafts can be compared, with claims overlaid.
  await page.getByRole('link', { name: 'Compare with draft 1' }).click();
  const diff = page.getByTestId('draft-diff');
  await expect(diff.locator('del').filter({ hasText: '87' }).first()).toBeVisible();
  await expect(diff.locator('ins').filter({ hasText: '86' }).first()).toBeVisible();
  await expect(diff.locator('mark[data-changed="true"]')).not.toHaveCount(0);
});
