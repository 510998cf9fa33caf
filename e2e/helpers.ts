import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

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

export type CreatedClaim = { id: string; version: number; ordinal: number; quote: string };

/** Loads an article over the API as the signed-in editor (the seed article unless text is given). */
export async function createArticle(page: Page, title: string, text?: string): Promise<{ id: string; claims: CreatedClaim[] }> {
  const res = await page.request.post('/api/articles', { data: { title, text: text ?? readFileSync('e2e/fixtures/seed-article.txt', 'utf8') } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; claims: CreatedClaim[] };
}

/** axe-core on the page (or the part `include` selects): no serious or critical violations. */
export async function expectNoSeriousViolations(page: Page, what: string, include?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`), what).toEqual([]);
}

/** A second person in their own browser context (own cookies), signed in: the colleague of a journey. */
export async function colleague(browser: Browser, email: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { page, close: () => context.close() };
}

type ApprovalClaim = { id: string; version: number; publicState: { kind: string; pendingApproval?: boolean } };

/**
 * Approves every verdict in the article that awaits approval, as a second person (the admin by
 * default): new articles publish a verdict only once an editor other than its author approved it.
 */
export async function approveAll(browser: Browser, articleId: string, email: string = ACCOUNTS.admin): Promise<number> {
  const { page, close } = await colleague(browser, email);
  const { claims } = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as { claims: ApprovalClaim[] };
  let n = 0;
  for (const c of claims) {
    if (c.publicState.kind !== 'awaiting' && !c.publicState.pendingApproval) continue;
    const res = await page.request.post(`/api/claims/${c.id}/approve`, { data: { version: c.version } });
    expect(res.status(), await res.text()).toBe(200);
    n += 1;
  }
  await close();
  return n;
}
