import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn, signOut } from './helpers';

test('editor loads the seed article, reviewer rates a claim with a source, editor exports and sees the history', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  await page.getByRole('link', { name: 'Load article' }).click();
  await page.getByLabel('Title').fill('Trump declares US-Russia relations at all-time low');
  await page.getByLabel('Byline').fill('Carolyn Briggs');
  await page.getByLabel('…or upload a file').setInputFiles('e2e/fixtures/seed-article.txt');
  await page.getByRole('button', { name: 'Load article' }).click();
  await page.waitForURL((url) => /^\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  const articleUrl = page.url();

  // The text is shown with the claims marked in place, and the side list agrees.
  const marks = page.locator('mark.claim');
  await expect(marks.filter({ hasText: 'killed 87 people' })).toBeVisible();
  await expect(marks.filter({ hasText: 'Are we going to get involved' })).toHaveCount(0);
  const total = await marks.count();
  expect(total).toBeGreaterThan(10);
  await expect(page.getByText(`0 of ${total} reviewed`)).toBeVisible();
  await expect(page.getByRole('tab', { name: /Open/ })).toContainText(String(total));
  await signOut(page);

  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(articleUrl);
  // Keyboard: j moves to the next claim, Enter opens it, Esc closes it.
  await page.locator('body').press('j');
  await expect(page.locator('.claim-item.selected')).toContainText('#2');
  await page.locator('body').press('k');
  await expect(page.locator('.claim-item.selected')).toContainText('#1');
  await page.locator('body').press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Claim 1' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Open the "87 people" claim from the text itself.
  await marks.filter({ hasText: 'killed 87 people' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Source URL').fill('javascript:alert(1)');
  await dialog.getByLabel('Source title').fill('Bad');
  await dialog.getByLabel('Source URL').evaluate((el: HTMLInputElement) => { el.type = 'text'; });
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByText('Use a full http:// or https:// address.')).toBeVisible();

  await dialog.getByLabel('Source URL').fill('https://www.opcw.org/media-centre/news');
  await dialog.getByLabel('Source title').fill('OPCW fact-finding mission report');
  await dialog.getByLabel('Quoted passage').fill('at least 87 people were killed');
  await dialog.getByLabel('Stance').selectOption('supports');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog.getByRole('link', { name: 'OPCW fact-finding mission report' })).toBeVisible();

  await dialog.getByLabel('Rating').selectOption('True');
  await dialog.getByLabel('Explanation').fill('The OPCW and local health officials put the toll at 87.');
  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: True' })).toBeVisible();
  // The verdict waits for an editor's approval: not yet reviewed, not yet published (decision 018).
  await expect(dialog.getByTestId('awaiting-approval')).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Approval' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText(`0 of ${total} reviewed`)).toBeVisible();
  await expect(marks.filter({ hasText: 'killed 87 people' })).toHaveAttribute('data-status', 'Awaiting approval');
  await page.getByRole('tab', { name: /Awaiting approval/ }).click();
  await expect(page.locator('.claim-list li')).toHaveCount(1);
  // A reviewer cannot export.
  await expect(page.getByRole('link', { name: 'Annotated HTML' })).toHaveCount(0);
  await signOut(page);

  await signIn(page, ACCOUNTS.editor);
  await page.goto(articleUrl);
  // The editor approves it: now it is the claim's current verdict, on screen and in every export.
  await marks.filter({ hasText: 'killed 87 people' }).click();
  await dialog.getByRole('button', { name: 'Approve “True”' }).click();
  await expect(dialog.getByRole('heading', { name: 'Approved verdict' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText(`1 of ${total} reviewed`)).toBeVisible();
  await expect(marks.filter({ hasText: 'killed 87 people' })).toHaveAttribute('data-status', 'True');
  await page.getByRole('tab', { name: /Rated/ }).click();
  await expect(page.locator('.claim-list li')).toHaveCount(1);
  const id = articleUrl.split('/').pop();
  const html = await page.request.get(`/api/articles/${id}/export?format=html`);
  expect(html.status()).toBe(200);
  expect(html.headers()['content-type']).toContain('text/html');
  const body = await html.text();
  expect(body).toMatch(/<mark class="claim verdict-true"[^>]*>[^<]*killed 87 people/);
  expect(body).toContain('OPCW fact-finding mission report');
  const ld = await page.request.get(`/api/articles/${id}/export?format=jsonld`);
  const reviews = (await ld.json()) as Array<{ '@type': string; claimReviewed: string; reviewRating: { ratingValue: number; alternateName: string } }>;
  expect(reviews).toHaveLength(1);
  expect(reviews[0]!['@type']).toBe('ClaimReview');
  expect(reviews[0]!.claimReviewed).toContain('killed 87 people');
  expect(reviews[0]!.reviewRating).toMatchObject({ ratingValue: 5, alternateName: 'True' });

  // The download link in the page works too.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Markdown' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.md$/);

  await page.reload();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.locator('[data-event-type="article.loaded"]')).toContainText(ACCOUNTS.editor);
  await expect(history.locator('[data-event-type="source.added"]')).toContainText('OPCW fact-finding mission report');
  await expect(history.locator('[data-event-type="verdict.recorded"]')).toContainText(ACCOUNTS.reviewer);
  // Three exports in a row by one editor read as one line.
  await expect(history.locator('[data-event-type="article.exported"]')).toHaveCount(1);
  await expect(history.locator('[data-event-type="article.exported"]')).toContainText('exported the article 3 times: HTML, JSON-LD, Markdown');
  const api = await (await page.request.get(`/api/articles/${id}/history`)).json() as { events: Array<{ type: string }> };
  expect(api.events.map((e) => e.type)).toEqual([
    'article.loaded', 'claims.extracted', 'source.added', 'verdict.recorded', 'verdict.approved', 'article.exported', 'article.exported', 'article.exported',
  ]);
  if (process.env.SCREENSHOT_DIR) {
    await page.evaluate(() => window.scrollTo(0, 0));
    // Selected (opened and closed), so the picture shows its drag handles and its place in the list.
    await marks.filter({ hasText: 'killed 87 people' }).click();
    await page.keyboard.press('Escape');
    await marks.filter({ hasText: 'killed 87 people' }).scrollIntoViewIfNeeded();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-page.png`, fullPage: false });
  }
});
