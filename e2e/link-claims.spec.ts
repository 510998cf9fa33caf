import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ACCOUNTS, signIn, signOut } from './helpers';

const seed = readFileSync('e2e/fixtures/seed-article.txt', 'utf8');

test('duplicates are suggested, confirmed and share a verdict in one click; a reviewer adds a contradiction', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const res = await page.request.post('/api/articles', { data: { title: 'Veto story (links)', text: seed } });
  const { id } = (await res.json()) as { id: string };
  await signOut(page);

  await signIn(page, ACCOUNTS.reviewer);
  await page.goto(`/articles/${id}`);
  const dialog = page.getByRole('dialog');
  await page.locator('mark.claim').filter({ hasText: 'It was the eighth veto' }).click();
  const link = dialog.locator('[data-relation-type="duplicates"]');
  await expect(link).toContainText('Same fact as');
  await expect(link).toContainText('both say "eighth" about the veto');
  await expect(link).toContainText('suggested by the tool, suggested');
  await link.getByRole('button', { name: 'Confirm' }).click();
  await expect(link).toContainText('suggested by the tool, confirmed');

  await dialog.getByLabel('Rating').selectOption('True');
  await dialog.getByLabel('Explanation').fill('UN records list eight Russian vetoes on Syria by April 2017.');
  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: True' })).toBeVisible();

  // Jump to the duplicate from the link and apply the same verdict in one click.
  await link.getByRole('button', { name: /^claim \d+$/ }).click();
  // The quote block, not the text anywhere: an earlier article's review of the same sentence may show
  // under "Checked before" once its search answers.
  await expect(dialog.locator('blockquote.claim-quote-full')).toContainText("Russia's veto was the eighth by the country");
  await dialog.locator('[data-relation-type="duplicates"]').getByRole('button', { name: 'Apply its verdict (True) here' }).click();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: True' })).toBeVisible();

  // A contradiction added by hand shows in the list and under the Contradictions filter.
  await dialog.getByLabel('This claim…').selectOption('contradicts');
  await dialog.getByLabel('…claim').selectOption({ label: '#1' });
  await dialog.getByLabel('Why').fill('Counts of vetoes differ between wires');
  await dialog.getByRole('button', { name: 'Link claims' }).click();
  await expect(dialog.locator('[data-relation-type="contradicts"]')).toContainText('Counts of vetoes differ between wires');
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: /Contradictions/ }).click();
  await expect(page.locator('.claim-list li')).toHaveCount(2);
  await expect(page.locator('.contradiction-badge').first()).toContainText('⚠ contradicts #');

  await page.reload();
  const history = page.getByRole('list', { name: 'History' });
  await expect(history.locator('[data-event-type="relation.confirmed"]')).toHaveCount(1);
  await expect(history.locator('[data-event-type="review.reused"]')).toContainText(ACCOUNTS.reviewer);
  await expect(history.locator('[data-event-type="relation.added"]')).toHaveCount(1);
});

test('a claim checked in an earlier article shows up as "checked before" and its review can be reused', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const first = await page.request.post('/api/articles', {
    data: { title: 'Archive source: Khan Sheikhoun', text: 'The chemical attack on the rebel-held town of Khan Sheikhoun killed 87 people, the health ministry said.' },
  });
  const a = (await first.json()) as { claims: Array<{ id: string; version: number }> };
  await page.request.post(`/api/claims/${a.claims[0]!.id}/sources`, { data: { url: 'https://example.org/who', title: 'WHO situation report', stance: 'supports', version: a.claims[0]!.version } });
  // The source moved the claim to its next version.
  await page.request.post(`/api/claims/${a.claims[0]!.id}/verdict`, { data: { rating: 'Mostly true', explanation: 'WHO counted 87 to 89 dead.', version: a.claims[0]!.version + 1 } });
  const second = await page.request.post('/api/articles', {
    data: { title: 'Follow-up story', text: 'Last week the attack on Khan Sheikhoun killed 87 people, according to the health ministry.' },
  });
  const { id } = (await second.json()) as { id: string };

  await page.goto(`/articles/${id}`);
  await page.locator('mark.claim').first().click();
  const match = page.getByTestId('archive-match').filter({ hasText: 'Archive source: Khan Sheikhoun' });
  await expect(match).toContainText('Rated Mostly true on');
  await expect(match).toContainText('WHO situation report');
  await match.getByRole('button', { name: 'Reuse this verdict and its sources' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('heading', { name: 'Current verdict: Mostly true' })).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'WHO situation report' })).toBeVisible();
  await expect(match.getByRole('link', { name: 'Archive source: Khan Sheikhoun' })).toHaveAttribute('href', /\/articles\//);
});
