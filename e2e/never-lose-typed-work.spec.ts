// Typed review work is never lost without asking: closing the dialog any way asks first, a reload
// asks first and offers the text back, "Change the verdict" starts from the current verdict, and a
// source filled in but not added goes in with the verdict (or holds it with a reason).
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, createArticle, signIn } from './helpers';

const item = (page: Page, ordinal: number) => page.locator('.claim-item').filter({ hasText: new RegExp(`#${ordinal} ·`) });

test('Esc, the backdrop and × ask before dropping typed text; keeping it keeps it', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const { id } = await createArticle(page, 'Typed work: closing the dialog');
  await page.goto(`/articles/${id}`);
  await item(page, 1).click();
  const dialog = page.getByRole('dialog', { name: 'Claim 1' });
  const explanation = dialog.getByLabel('Explanation');
  await explanation.fill('Half-typed reasoning about the meeting');

  // Esc inside the Explanation box: asked, and Esc again (or "Keep editing") keeps the text.
  await explanation.press('Escape');
  const ask = page.getByRole('alertdialog', { name: 'Unsaved changes' });
  await expect(ask).toContainText('Explanation');
  await expect(ask.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(explanation).toHaveValue('Half-typed reasoning about the meeting');
  await expect(explanation).toBeFocused();

  // A click on the dimmed backdrop asks too.
  await page.mouse.click(4, 300);
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(explanation).toHaveValue('Half-typed reasoning about the meeting');

  // So does ×; discarding is a choice the reviewer makes.
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await ask.getByRole('button', { name: 'Discard my text' }).click();
  await expect(dialog).toBeHidden();
  await item(page, 1).click();
  await expect(explanation).toHaveValue('');
  await expect(dialog.getByTestId('draft-offer')).toHaveCount(0);

  // With nothing typed there is nothing to ask about.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('an unsaved explanation survives a reload: leaving asks first and the text is offered back', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const { id } = await createArticle(page, 'Typed work: reload');
  await page.goto(`/articles/${id}`);
  await item(page, 2).click();
  const dialog = page.getByRole('dialog', { name: 'Claim 2' });
  await dialog.getByLabel('Rating').selectOption('Mixed');
  await dialog.getByLabel('Explanation').fill('Putin said trust degraded; the figures say otherwise.');

  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(asked, 'the browser asked before leaving').toEqual(['beforeunload']);

  await expect(item(page, 2)).toContainText('unsaved text');
  await item(page, 2).click();
  const offer = dialog.getByTestId('draft-offer');
  await expect(offer).toContainText('Rating, Explanation');
  // Offered, never applied behind the reviewer's back.
  await expect(dialog.getByLabel('Explanation')).toHaveValue('');
  await offer.getByRole('button', { name: 'Restore it' }).click();
  await expect(dialog.getByLabel('Explanation')).toHaveValue('Putin said trust degraded; the figures say otherwise.');
  await expect(dialog.getByLabel('Rating')).toHaveValue('Mixed');

  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: Mixed' })).toBeVisible();
  // Saved work is not offered again, and closing no longer asks.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(item(page, 2)).not.toContainText('unsaved text');
  await page.reload();
  await item(page, 2).click();
  await expect(dialog.getByTestId('draft-offer')).toHaveCount(0);
  await expect(dialog.getByLabel('Explanation')).toHaveValue('Putin said trust degraded; the figures say otherwise.');
});

test('"Change the verdict" opens with the current rating, explanation and correction filled in', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const { id, claims } = await createArticle(page, 'Typed work: change the verdict');
  const claim = claims.find((c) => c.quote.includes('killed 87 people'))!;
  const saved = await page.request.post(`/api/claims/${claim.id}/verdict`, {
    data: { rating: 'Mostly true', explanation: 'The OPCW counted 87 deaths; a typo here: teh toll.', correction: 'The attack killed at least 87 people.', version: claim.version },
  });
  expect(saved.status()).toBe(201);
  await page.goto(`/articles/${id}`);
  await page.locator('mark.claim').filter({ hasText: 'killed 87 people' }).click();
  const dialog = page.getByRole('dialog', { name: `Claim ${claim.ordinal}` });
  await expect(dialog.getByRole('heading', { name: 'Change the verdict' })).toBeVisible();
  await expect(dialog.getByLabel('Rating')).toHaveValue('Mostly true');
  await expect(dialog.getByLabel('Explanation')).toHaveValue('The OPCW counted 87 deaths; a typo here: teh toll.');
  await expect(dialog.getByLabel('Correction (what the sentence should say)')).toHaveValue('The attack killed at least 87 people.');

  // Fixing a typo is a one-word edit, not a retype.
  await dialog.getByLabel('Explanation').fill('The OPCW counted 87 deaths; a typo here: the toll.');
  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByRole('region', { name: 'Current verdict' })).toContainText('a typo here: the toll.');
  await expect(dialog.getByLabel('Rating')).toHaveValue('Mostly true');
});

test('a source filled in but not added is added with the verdict; a bad one holds the verdict with a reason', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const { id } = await createArticle(page, 'Typed work: pending source');
  await page.goto(`/articles/${id}`);
  await page.locator('mark.claim').filter({ hasText: 'killed 87 people' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Rating').selectOption('True');
  await dialog.getByLabel('Explanation').fill('The OPCW put the toll at 87.');
  await dialog.getByLabel('Source URL').fill('ftp://files.example.org/report');
  await dialog.getByLabel('Source title').fill('OPCW report');
  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByTestId('form-error')).toContainText('The verdict is not saved yet: the source you filled in could not be added.');
  await expect(dialog.getByText('Use a full http:// or https:// address.')).toBeVisible();
  await expect(dialog.getByRole('heading', { name: /Current verdict/ })).toHaveCount(0);
  await expect(dialog.getByLabel('Explanation')).toHaveValue('The OPCW put the toll at 87.');

  await dialog.getByLabel('Source URL').fill('https://www.opcw.org/media-centre/news');
  await dialog.getByRole('button', { name: 'Save verdict' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Verdict saved, with the source “OPCW report”.' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Current verdict: True' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Sources (1)' })).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'OPCW report' })).toBeVisible();
  await expect(dialog.getByLabel('Source URL')).toHaveValue('');
});
