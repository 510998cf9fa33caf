// Loading: pasted text keeps the line ends the person typed (the browser's CRLF becomes LF), paste
// and file at once is refused with a message, and pages have a favicon (no 404 on every page).
import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './helpers';

test('pasted text is stored with LF line ends, from the form and from the API', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Line ends from the form');
  await page.getByLabel('Article text').fill('The council approved 40 new buses.\n\nFares rose 5 percent in March.\nRidership fell 12 percent.');
  await page.getByRole('button', { name: 'Load article' }).click();
  await page.waitForURL((url) => /^\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
  const id = page.url().split('/').pop()!;
  const stored = (await (await page.request.get(`/api/articles/${id}`)).json()) as { text: string };
  expect(stored.text).toBe('The council approved 40 new buses.\n\nFares rose 5 percent in March.\nRidership fell 12 percent.');

  const crlf = await page.request.post('/api/articles', {
    multipart: { title: 'Line ends as a browser sends them', text: 'Fares rose 5 percent.\r\n\r\nRidership fell 12 percent.\r\n' },
  });
  expect(crlf.status()).toBe(201);
  const created = (await crlf.json()) as { id: string };
  const text = ((await (await page.request.get(`/api/articles/${created.id}`)).json()) as { text: string }).text;
  expect(text).toBe('Fares rose 5 percent.\n\nRidership fell 12 percent.\n');
  const md = await (await page.request.get(`/api/articles/${created.id}/export?format=md`)).text();
  expect(md).not.toContain('\r');
});

test('pasting text and choosing a file at once is refused with a message, and nothing is loaded', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const before = ((await (await page.request.get('/api/articles')).json()) as { articles: unknown[] }).articles.length;
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Paste and file');
  await page.getByLabel('Article text').fill('Fares rose 5 percent.');
  await page.getByLabel('…or upload a file').setInputFiles('e2e/fixtures/seed-article.txt');
  await page.getByRole('button', { name: 'Load article' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('Paste the text or upload a file, not both: which one should be loaded?');
  await expect(page.getByText('Clear the pasted text or the file.')).toBeVisible();
  await expect(page).toHaveURL(/\/articles\/new$/);
  const after = ((await (await page.request.get('/api/articles')).json()) as { articles: unknown[] }).articles.length;
  expect(after).toBe(before);
});

test('every page has a favicon, so no page load ends in a 404', async ({ page }) => {
  const missing: string[] = [];
  page.on('response', (r) => { if (r.status() === 404) missing.push(r.url()); });
  await page.goto('/signin');
  const href = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  await signIn(page, ACCOUNTS.editor);
  await page.goto('/articles/new');
  await page.goto('/');
  expect(missing).toEqual([]);
});
