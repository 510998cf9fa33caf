// On a 390 px phone: the article text first, the claim list a drawer, the dialog without sideways
// scrolling, and the accounts table without sideways scrolling.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, createArticle, signIn, signOut } from './helpers';

const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test('on a 390px phone the text comes first, the claim list is a drawer and the dialog fits', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const { id } = await createArticle(page, 'Phone check');
  await page.goto(`/articles/${id}`);

  // The text is on the first screen; the list waits in a drawer behind a bar.
  const text = page.getByTestId('article-text');
  await expect(text).toBeInViewport();
  await expect(page.locator('.claim-list')).toBeHidden();
  expect(await sidewaysOverflow(page), 'no horizontal scrolling').toBeLessThanOrEqual(1);
  const bar = page.getByRole('button', { name: /^Claims: 0\/\d+ reviewed$/ });
  await expect(bar).toBeInViewport();
  await bar.tap();
  await expect(page.getByRole('button', { name: 'Hide the claim list' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.claim-list')).toBeVisible();

  await page.locator('.claim-item').first().tap();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const inner = await dialog.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(inner, 'nothing in the dialog scrolls sideways').toBeLessThanOrEqual(1);
  await dialog.getByLabel('Reason (opinion, question, prediction…)').fill('Statement of intent, not checkable');
  await dialog.getByRole('button', { name: 'Dismiss claim' }).tap();
  await expect(dialog.getByText('Dismissed as not checkable')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).tap();
  await expect(dialog).toBeHidden();

  // The drawer gave way to the text, where the claim now reads "Not checkable".
  await expect(page.locator('.claim-list')).toBeHidden();
  await expect(page.locator('mark.claim').first()).toHaveAttribute('data-status', 'Not checkable');
  await expect(page.getByRole('button', { name: /^Claims: 1\/\d+ reviewed$/ })).toBeVisible();
  if (process.env.SCREENSHOT_DIR) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-phone.png` });
  }
});

test('on a phone the accounts table does not scroll sideways', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const email = `a-rather-long-mailbox-name-for-the-night-desk-${Date.now().toString(36)}@regional-newsroom.example`;
  expect((await page.request.post('/api/users', { data: { email, name: 'Night desk', password: PASSWORD, role: 'reviewer' } })).status()).toBe(201);
  await page.goto('/admin/users');
  await expect(page.getByText(email)).toBeVisible();
  expect(await sidewaysOverflow(page), 'no horizontal scrolling').toBeLessThanOrEqual(1);
  const cell = (await page.getByText(email).boundingBox())!;
  expect(cell.x + cell.width).toBeLessThanOrEqual(390);
  await signOut(page);
});
