import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';

test('an editor uploads a .docx draft and pastes HTML; both become text with claims, scripts gone', async ({ page }) => {
  let alerted = false;
  page.on('dialog', async (d) => { alerted = true; await d.dismiss(); });
  await signIn(page, ACCOUNTS.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Bus plan (docx)');
  await page.getByLabel('…or upload a file').setInputFiles('e2e/fixtures/bus-plan.docx');
  await page.getByRole('button', { name: 'Load article' }).click();
  await page.waitForURL((url) => /^\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  await expect(page.locator('mark.claim').filter({ hasText: 'voted 7-2 on Tuesday' })).toBeVisible();
  await expect(page.locator('mark.claim').filter({ hasText: 'Should the city have waited' })).toHaveCount(0);

  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Bus plan (html)');
  await page.getByLabel('Article text').fill('<h1>Bus plan</h1><p>Ridership fell 18 percent in 2023.</p><script>alert(1)</script><p onclick="alert(2)">Fares rose 5 percent.</p>');
  await page.getByLabel('The pasted text is').selectOption('html');
  await page.getByRole('button', { name: 'Load article' }).click();
  await page.waitForURL((url) => /^\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  await expect(page.getByTestId('article-text')).toContainText('Ridership fell 18 percent in 2023.');
  await expect(page.getByTestId('article-text')).not.toContainText('alert');
  expect(alerted).toBe(false);
});
