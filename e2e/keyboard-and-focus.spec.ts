// One selection that the list, the text and the dialog agree on; j/k/Enter/Esc act on it; focus
// comes back to it; ? lists the keys.
import { expect, test, type Page } from '@playwright/test';
import { ACCOUNTS, createArticle, signIn } from './helpers';

const item = (page: Page, ordinal: number) => page.locator('.claim-item').filter({ hasText: new RegExp(`#${ordinal} ·`) });

test('after clicking a claim in the list, j/k then Enter opens the claim the highlight is on', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const { id } = await createArticle(page, 'Keys: click then j');
  await page.goto(`/articles/${id}`);
  const dialog = page.getByRole('dialog');

  // Click claim 1 in the list, close its dialog: focus is back on claim 1.
  await item(page, 1).click();
  await expect(dialog.getByRole('heading', { name: 'Claim 1' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(item(page, 1)).toBeFocused();

  // j twice: the highlight, the focus and the text all move to claim 3.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(page.locator('.claim-item.selected')).toContainText('#3 ·');
  await expect(item(page, 3)).toBeFocused();
  await expect(page.locator('mark.claim.selected')).toHaveAttribute('data-ordinal', '3');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Claim 3' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(item(page, 3)).toBeFocused();

  // k goes back one, and Enter follows it.
  await page.keyboard.press('k');
  await expect(item(page, 2)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('heading', { name: 'Claim 2' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Clicking in the text selects the claim in the list too, scrolled into view, and focus returns to it.
  const last = page.locator('mark.claim').last();
  const lastOrdinal = Number(await last.getAttribute('data-ordinal'));
  await last.click();
  await expect(dialog.getByRole('heading', { name: `Claim ${lastOrdinal}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(item(page, lastOrdinal)).toHaveClass(/selected/);
  await expect(item(page, lastOrdinal)).toBeInViewport();
  await expect(item(page, lastOrdinal)).toBeFocused();
  // And j from there stays at the end rather than jumping to the top.
  await page.keyboard.press('j');
  await expect(item(page, lastOrdinal)).toBeFocused();
});

test('? shows the keyboard shortcuts, and keys typed in a field stay in the field', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const { id } = await createArticle(page, 'Keys: help');
  await page.goto(`/articles/${id}`);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Select the next claim');
  await expect(help).toContainText('Open the selected claim');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await item(page, 1).click();
  const dialog = page.getByRole('dialog', { name: 'Claim 1' });
  await dialog.getByLabel('Explanation').pressSequentially('just kidding?');
  await expect(dialog.getByLabel('Explanation')).toHaveValue('just kidding?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
});
