// Issue 9, item 9: an admin changes an account's role (it applies at once) and resets its password
// to a temporary one shown once, which the person must replace with their own at sign-in; editors
// cannot do either.
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ACCOUNTS, signIn, signOut } from './helpers';

const OWN_PASSWORD = 'lantern orbit velvet quarry';
const NEW_PASSWORD = 'harbour quince tundra glider';

/** The admin signs in and creates a reviewer account on the Accounts page. */
async function createReviewer(page: Page, name: string, email: string): Promise<void> {
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole('link', { name: 'Accounts' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Temporary password/).fill(OWN_PASSWORD);
  await page.getByLabel('Role', { exact: true }).selectOption('reviewer');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status')).toHaveText(`Account created for ${email}.`);
}

test('an admin changes a role and resets a password from the Accounts page; the person feels both at once', async ({ page, browser }) => {
  const email = `desk-${Date.now()}@newsroom.example`;
  await createReviewer(page, 'Robin Desk', email);

  const person = await browser.newPage();
  await signIn(person, email, OWN_PASSWORD);
  const nav = person.getByRole('navigation', { name: 'Main' });
  await expect(nav).toContainText(`${email} (reviewer)`);
  await expect(nav.getByRole('link', { name: 'Load article' })).toHaveCount(0);

  // Role: reviewer -> editor. Their session ends at once; the next sign-in has the new role.
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });
  await row.getByLabel(`Role of ${email}`).selectOption('editor');
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(row.getByRole('button', { name: 'Change role' })).toHaveCount(0);
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue('editor');
  await person.reload();
  await expect(person).toHaveURL(/\/signin/);
  await signIn(person, email, OWN_PASSWORD);
  await expect(nav).toContainText(`${email} (editor)`);
  await expect(nav.getByRole('link', { name: 'Load article' })).toBeVisible();

  // Password reset: a temporary password shown once; the old one stops working.
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Reset password' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent()) ?? '';
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  await expect(page.getByRole('status').filter({ hasText: 'Temporary password for' })).toContainText(/It stops working on \d{4}-\d\d-\d\d at \d\d:\d\d UTC/);
  await page.reload();
  await expect(page.getByTestId('temporary-password')).toHaveCount(0);
  await person.reload();
  await expect(person).toHaveURL(/\/signin/);
  await person.getByLabel('Email').fill(email);
  await person.getByLabel('Password').fill(OWN_PASSWORD);
  await person.getByRole('button', { name: 'Sign in' }).click();
  await expect(person.getByTestId('form-error')).toHaveText('Wrong email or password. Check both and try again.');
  // The temporary password only opens the "choose your own" step; then they are signed in.
  await person.getByLabel('Password').fill(temporary);
  await person.getByRole('button', { name: 'Sign in' }).click();
  const choose = person.getByRole('form', { name: 'Choose a new password' });
  await expect(choose).toBeVisible();
  await choose.getByLabel(/New password/).fill('password1234');
  await choose.getByLabel('The new password again').fill('password1234');
  await choose.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(choose).toContainText('too easy');
  await choose.getByLabel(/New password/).fill(NEW_PASSWORD);
  await choose.getByLabel('The new password again').fill(NEW_PASSWORD);
  await choose.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(nav).toContainText(`${email} (editor)`);
  await signOut(person);
  await signIn(person, email, NEW_PASSWORD);

  // An editor cannot manage accounts: the API refuses and the page says who can.
  const id = (await (await page.request.get('/api/users')).json()).users.find((u: { email: string }) => u.email === email).id as string;
  expect((await person.request.post(`/api/users/${id}/role`, { data: { role: 'admin' } })).status()).toBe(403);
  expect((await person.request.post(`/api/users/${id}/password-reset`)).status()).toBe(403);
  await person.goto('/admin/users');
  await expect(person.getByText('Only admins manage accounts.')).toBeVisible();
  await person.close();
  await signOut(page);
});

test('a temporary password left unused past its deadline is refused at sign-in with what to do', async ({ page, browser }) => {
  const email = `late-${Date.now()}@newsroom.example`;
  await createReviewer(page, 'Sam Late', email);
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });
  page.once('dialog', (d) => void d.accept());
  await row.getByRole('button', { name: 'Reset password' }).click();
  const temporary = (await page.getByTestId('temporary-password').textContent()) ?? '';
  expect(temporary).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  // A day passes: the deadline is moved into the past in the app's own database (the journeys' SQLite file).
  const sqlite = new Database(join(process.env.E2E_DATA_DIR!, 'e2e.db'));
  sqlite.prepare('UPDATE "User" SET "temporaryPasswordExpiresAt" = ? WHERE "email" = ?').run('2026-01-02T03:04:00.000+00:00', email);
  sqlite.close();

  const person = await browser.newPage();
  await person.goto('/signin');
  await person.getByLabel('Email').fill(email);
  await person.getByLabel('Password').fill(temporary);
  await person.getByRole('button', { name: 'Sign in' }).click();
  await expect(person.getByTestId('form-error')).toHaveText('This temporary password expired on 2026-01-02 at 03:04 UTC. Ask an admin to reset your password again.');
  await expect(person.getByRole('form', { name: 'Choose a new password' })).toHaveCount(0);
  await person.close();
  await signOut(page);
});
