import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple';
/** The one-time set-up token the test server was started with (playwright.config.ts). */
export const SETUP_TOKEN = process.env.E2E_SETUP_TOKEN ?? '';
export const ACCOUNTS = {
  admin: 'admin@newsroom.example',
  editor: 'editor@newsroom.example',
  reviewer: 'reviewer@newsroom.example',
} as const;

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(email);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
}
