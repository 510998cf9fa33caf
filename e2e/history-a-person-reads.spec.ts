// The history names people (not emails), shows one time format with the exact time on hover,
// folds repeated exports into one line, and filters by person and by kind.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD, createArticle, signIn, signOut } from './helpers';

test('history shows names, relative times with the exact time, grouped exports and filters', async ({ page }) => {
  const run = Date.now().toString(36);
  const dana = { email: `dana-${run}@newsroom.example`, name: 'Dana Okafor', role: 'editor' };
  const rui = { email: `rui-${run}@newsroom.example`, name: 'Rui Costa', role: 'reviewer' };
  await signIn(page, ACCOUNTS.admin);
  for (const u of [dana, rui]) expect((await page.request.post('/api/users', { data: { ...u, password: PASSWORD } })).status()).toBe(201);
  await signOut(page);

  await signIn(page, dana.email);
  const { id, claims } = await createArticle(page, 'History a person reads');
  for (const format of ['html', 'md', 'csv']) expect((await page.request.get(`/api/articles/${id}/export?format=${format}`)).status()).toBe(200);
  await signOut(page);

  await signIn(page, rui.email);
  const claim = claims[0]!;
  expect((await page.request.post(`/api/claims/${claim.id}/verdict`, { data: { rating: 'False', explanation: 'No record of it.', version: claim.version } })).status()).toBe(201);
  await signOut(page);

  await signIn(page, dana.email);
  expect((await page.request.get(`/api/articles/${id}/export?format=jsonld`)).status()).toBe(200);
  await page.goto(`/articles/${id}`);
  const history = page.getByRole('list', { name: 'History' });
  const lines = history.locator('li');
  // Newest first: the last export, the verdict, the three exports as one line, extraction, loading.
  await expect(lines).toHaveCount(5);
  await expect(lines.nth(0)).toContainText('Dana Okafor exported the article: JSON-LD');
  await expect(lines.nth(1)).toContainText('Rui Costa recorded a verdict on claim 1: False');
  await expect(lines.nth(2)).toContainText('Dana Okafor exported the article 3 times: HTML, Markdown, CSV');
  await expect(lines.nth(4)).toContainText('Dana Okafor loaded the article');
  await expect(history).not.toContainText('@');

  // One time format: relative, with the exact UTC time on hover.
  const time = lines.nth(1).locator('time');
  await expect(time).toContainText(/just now|\d+ min ago/);
  await expect(time).toHaveAttribute('title', /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);

  const filters = page.getByRole('group', { name: 'Filter the history' });
  await filters.getByLabel('Person').selectOption('Rui Costa');
  await expect(lines).toHaveCount(1);
  await expect(lines.first()).toContainText('recorded a verdict');
  await filters.getByLabel('Person').selectOption('');
  await filters.getByLabel('Kind').selectOption({ label: 'Exports' });
  await expect(lines).toHaveCount(2);
  await filters.getByLabel('Person').selectOption('Rui Costa');
  await expect(history).toHaveCount(1);
  await expect(page.getByText('Nothing matches these filters.')).toBeVisible();

  // The API keeps the email for integrations and adds the name.
  const api = (await (await page.request.get(`/api/articles/${id}/history`)).json()) as { events: Array<{ type: string; actor: string; actorName: string }> };
  const verdict = api.events.find((e) => e.type === 'verdict.recorded')!;
  expect([verdict.actor, verdict.actorName]).toEqual([rui.email, rui.name]);
});
