import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, signIn } from './helpers';

test('on a 390px phone the claim list, the text and the dialog all fit and work', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const text = readFileSync('e2e/fixtures/seed-article.txt', 'utf8');
  const res = await page.request.post('/api/articles', { data: { title: 'Phone check', text } });
  const { id } = (await res.json()) as { id: string };
  await page.goto(`/articles/${id}`);
  await expect(page.locator('.claim-list')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no horizontal scrolling').toBeLessThanOrEqual(1);
  await page.locator('.claim-item').first().tap();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(390);
  await dialog.getByLabel('Reason (opinion, question, prediction…)').fill('Statement of intent, not checkable');
  await dialog.getByRole('button', { name: 'Dismiss claim' }).click();
  await expect(dialog.getByText('Dismissed as not checkable')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).tap();
  await expect(page.locator('.claim-item').first()).toContainText('Not checkable');
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/review-phone.png` });
});
