// axe-core on the screens a desk uses all day: no serious or critical violations.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, approveAll, createArticle, expectNoSeriousViolations, signIn, signOut } from './helpers';

test('the review page, the claim dialog and its questions, the load form and the accounts page pass axe', async ({ page, browser }) => {
  // A second person signs in to approve the verdicts: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.editor);
  const { id, claims } = await createArticle(page, 'Accessibility check');
  // Every state on the page at once: rated on both sides of the scale, dismissed, open.
  const rate = async (i: number, rating: string) => {
    const c = claims[i]!;
    expect((await page.request.post(`/api/claims/${c.id}/verdict`, { data: { rating, explanation: `Rated ${rating}.`, version: c.version } })).status()).toBe(201);
  };
  await rate(0, 'True');
  await rate(1, 'Mostly true');
  await rate(2, 'Mixed');
  await rate(3, 'Mostly false');
  await rate(4, 'False');
  await rate(5, 'Unverifiable');
  expect((await page.request.post(`/api/claims/${claims[6]!.id}/dismiss`, { data: { reason: 'Opinion.', version: claims[6]!.version } })).status()).toBe(200);
  // A second person approves them, so the page shows the published ratings (decision 018).
  expect(await approveAll(browser, id)).toBe(6);

  await page.goto(`/articles/${id}`);
  await expect(page.locator('mark.claim').first()).toBeVisible();
  await expectNoSeriousViolations(page, 'review page');

  // In print (no tints, no side list) every claim still shows its number and its own state symbol.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.side')).toBeHidden();
  const tags = await page.locator('mark.claim .claim-tag').evaluateAll((els) => els.slice(0, 7).map((el) => ({
    text: `${el.querySelector('.claim-no')!.textContent} ${el.querySelector('[aria-hidden="true"]')!.textContent!.trim()}`,
    color: getComputedStyle(el).color,
    background: getComputedStyle(el.parentElement!).backgroundColor,
  })));
  expect(tags.map((t) => t.text)).toEqual(['1 ✓', '2 ▲', '3 ≈', '4 ▼', '5 ✗', '6 ?', '7 –']);
  expect(new Set(tags.map((t) => `${t.color}|${t.background}`)).size, 'print relies on symbols, not tints').toBe(1);
  await page.emulateMedia({ media: 'screen' });

  await page.locator('.claim-item').first().click();
  const dialog = page.getByRole('dialog', { name: 'Claim 1' });
  await expect(dialog.getByRole('heading', { name: 'Current verdict: True' })).toBeVisible();
  await expectNoSeriousViolations(page, 'claim dialog', '.dialog-content');

  await dialog.getByLabel('Explanation').fill('Changed my mind');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoSeriousViolations(page, 'unsaved-changes question', '.confirm-content');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Discard my text' }).click();
  await expect(dialog).toBeHidden();

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectNoSeriousViolations(page, 'shortcuts', '.dialog-content');
  await page.keyboard.press('Escape');

  await page.goto('/articles/new');
  await expect(page.getByRole('heading', { name: 'Load an article' })).toBeVisible();
  await expectNoSeriousViolations(page, 'load form');

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
  await expectNoSeriousViolations(page, 'articles list');

  await signOut(page);
  await signIn(page, ACCOUNTS.admin);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
  await expectNoSeriousViolations(page, 'accounts page');
});
