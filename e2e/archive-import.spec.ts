import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCOUNTS, signIn, signOut } from './helpers';

const TEXT = 'The council cut bus fares by 10 percent in March. Ridership rose 4 percent in a year, the transit agency said.';

test('an admin imports a review archive through the web form and sees the article with its review', async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  const created = await page.request.post('/api/articles', { data: { title: 'Bus fares (archived)', byline: 'Metro desk', text: TEXT } });
  expect(created.status()).toBe(201);
  const { id, claims } = (await created.json()) as { id: string; claims: Array<{ id: string; version: number }> };
  const verdict = await page.request.post(`/api/claims/${claims[0]!.id}/verdict`, {
    data: { rating: 'Mostly true', explanation: 'The board cut fares by 9.5 percent.', version: claims[0]!.version },
  });
  expect(verdict.ok()).toBe(true);

  const exported = await page.request.get(`/api/articles/${id}/export?format=archive`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()['content-type']).toContain('application/json');
  const archive = await exported.text();
  expect(archive).not.toContain(id);
  const file = join(mkdtempSync(join(tmpdir(), 'factdesk-archive-e2e-')), 'bus-fares.factdesk-archive.json');
  writeFileSync(file, archive);

  await page.getByRole('link', { name: 'Import archive' }).click();
  await expect(page.getByRole('heading', { name: 'Import a review archive' })).toBeVisible();
  // A file that is not an archive is refused with the reason, and nothing is created.
  const bad = file.replace(/\.json$/, '.bad.json');
  writeFileSync(bad, archive.replace('"factdesk-archive"', '"something-else"'));
  await page.getByLabel(/Archive file/).setInputFiles(bad);
  await page.getByRole('button', { name: 'Import archive' }).click();
  await expect(page.getByTestId('form-error')).toContainText('"format" is "something-else"');

  await page.getByLabel(/Archive file/).setInputFiles(file);
  await page.getByRole('button', { name: 'Import archive' }).click();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  expect(page.url()).not.toContain(id);
  await expect(page.locator('mark.claim').first()).toBeVisible();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.locator('[data-event-type="article.imported"]')).toContainText(ACCOUNTS.admin);
  await expect(history.locator('[data-event-type="verdict.recorded"]')).toContainText(ACCOUNTS.admin);
  await page.getByRole('link', { name: 'Articles' }).click();
  await expect(page.getByRole('link', { name: 'Bus fares (archived)' })).toHaveCount(2);
  await signOut(page);
});

test('a reviewer cannot import (403) and has no import page link; bad uploads get 415 and 422', async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer);
  await expect(page.getByRole('link', { name: 'Import archive' })).toHaveCount(0);
  const res = await page.request.post('/api/archive/import', { data: { format: 'factdesk-archive', version: 1 } });
  expect(res.status()).toBe(403);
  await signOut(page);

  await signIn(page, ACCOUNTS.admin);
  const text = await page.request.post('/api/archive/import', { headers: { 'content-type': 'text/plain' }, data: 'hello' });
  expect(text.status()).toBe(415);
  const broken = await page.request.post('/api/archive/import', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"format":') });
  expect(broken.status()).toBe(422);
  expect(((await broken.json()) as { error: { message: string } }).error.message).toMatch(/not valid JSON/);
});
