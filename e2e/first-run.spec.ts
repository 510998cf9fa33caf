import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD, SETUP_TOKEN, signIn, signOut } from './helpers';

test('a fresh install offers to create the admin, who then creates the desk accounts', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup/);
  // Whoever reaches a fresh install first cannot claim it: it takes the link `npm start` printed.
  await expect(page.getByRole('heading', { name: 'Open the set-up link' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create admin account' })).toHaveCount(0);
  await page.goto(`/setup?token=${encodeURIComponent(SETUP_TOKEN)}`);
  await expect(page.getByRole('heading', { name: 'Create the admin account' })).toBeVisible();

  // A weak password is refused with a message next to the field.
  await page.getByLabel('Email').fill(ACCOUNTS.admin);
  await page.getByLabel(/^Password/).evaluate((el: HTMLInputElement) => el.removeAttribute('minlength'));
  await page.getByLabel(/^Password/).fill('short');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByText('Use at least 12 characters.')).toBeVisible();
  await page.getByLabel(/^Password/).fill('password1234');
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page.getByText(/This password is too easy to guess/)).toBeVisible();

  await page.getByLabel(/^Password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create admin account' }).click();
  await expect(page).toHaveURL(/\/signin\?created=1/);
  await expect(page.getByText('Admin account created')).toBeVisible();

  // Set-up is closed once an account exists.
  await page.goto('/setup');
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, ACCOUNTS.admin);
  await expect(page.getByText('No articles yet. Load an article to start.')).toBeVisible();
  await page.getByRole('link', { name: 'Accounts' }).click();
  for (const role of ['reviewer', 'editor'] as const) {
    await page.getByLabel('Email').fill(ACCOUNTS[role]);
    await page.getByLabel(/Temporary password/).fill(PASSWORD);
    await page.getByLabel('Role', { exact: true }).selectOption(role);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Account created for ${ACCOUNTS[role]}` })).toBeVisible();
    await expect(page.getByRole('cell', { name: ACCOUNTS[role] })).toBeVisible();
  }
  // The same email twice is refused.
  await page.getByLabel('Email').fill(ACCOUNTS.reviewer);
  await page.getByLabel(/Temporary password/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(/already exists/);
  await signOut(page);

  // Signed out, nothing is visible.
  await page.goto('/admin/users');
  await expect(page).toHaveURL(/\/signin/);
});
