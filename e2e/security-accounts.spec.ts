// Issue 8, findings 3, 4 and 9 over real HTTP: the set-up link, X-Forwarded-For rotation against the
// sign-in throttle, and session cookies that stop working at sign-out and deactivation.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request, test, type Page } from '@playwright/test';
import { ACCOUNTS, PASSWORD, signIn, signOut } from './helpers';

async function copiedCookieClient(page: Page, baseURL: string) {
  // A second client with the same cookies, as if someone had copied them out of the browser.
  return request.newContext({ baseURL, storageState: await page.context().storageState() });
}

// A server of its own, started the way an operator starts one, on an empty database: the set-up link
// is printed for it, and the sign-in throttle test may use up this address's budget without
// affecting the shared e2e server.
test.describe.serial('a fresh install started with `npm start`', () => {
  let server: ChildProcess | undefined;
  let output = '';
  const port = 5000 + Math.floor(Math.random() * 900);
  const baseURL = `http://localhost:${port}`;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-setup-link-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), FACTDESK_DATA_DIR: dir, DATABASE_URL: `file:${join(dir, 'fresh.db')}`, NEXTAUTH_URL: baseURL, NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789', ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1' };
    delete env.FACTDESK_SETUP_TOKEN;
    server = spawn(process.execPath, ['scripts/start.mjs'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const api = await request.newContext({ baseURL });
    await expect.poll(async () => (await api.get('/api/health').catch(() => null))?.status() ?? 0, { timeout: 150_000, intervals: [500] }).toBe(200);
    await api.dispose();
  });

  test.afterAll(() => {
    // Ends the process group started above (start.mjs and its `next start`).
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  });

  test('npm start prints a one-time set-up link; without its token nobody can claim the install', async ({ browser }) => {
    const link = /(http\S+\/setup\?token=\S+)/.exec(output)?.[1];
    expect(link, `npm start printed a set-up link:\n${output}`).toBeTruthy();
    const token = decodeURIComponent(new URL(link!).searchParams.get('token')!);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const api = await request.newContext({ baseURL });

    const page = await browser.newPage({ baseURL });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Open the set-up link' })).toBeVisible();
    await page.goto('/setup?token=not-the-token');
    await expect(page.getByText('This set-up link is not valid')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create admin account' })).toHaveCount(0);

    const body = { email: 'squatter@example.com', password: 'lantern orbit velvet quarry' };
    const noToken = await api.post('/api/setup', { data: body });
    expect(noToken.status()).toBe(403);
    expect((await noToken.json()).error.message).toMatch(/set-up link/);
    expect((await api.post('/api/setup', { data: { ...body, token: `${token}x` } })).status()).toBe(403);

    // The operator's link works, once.
    await page.goto(link!);
    await page.getByLabel('Email').fill(ACCOUNTS.admin);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect(page).toHaveURL(/\/signin\?created=1/);
    expect((await api.post('/api/setup', { data: { ...body, token } })).status()).toBe(409);
    await page.close();
    await api.dispose();
  });

  test('rotating X-Forwarded-For does not buy more sign-in attempts', async ({ browser }) => {
    const page = await browser.newPage({ baseURL });
    // 20 failures, each "from" another address and against another account: without a trusted
    // proxy the header is ignored, so they all count against this one connection's address.
    for (let i = 0; i < 20; i++) {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${10 + i}` });
      await page.goto('/signin');
      await page.getByLabel('Email').fill(`sprayed-${i}@newsroom.example`);
      await page.getByLabel('Password').fill(`wrong-password-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password. Check both and try again.');
    }
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.250' });
    await page.getByLabel('Email').fill('sprayed-20@newsroom.example');
    await page.getByLabel('Password').fill('wrong-password-20');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toHaveText(/Too many failed sign-in attempts\. Wait \d+ minutes?/);
    await page.close();
  });
});

test('a session cookie copied before sign-out stops working at sign-out', async ({ page, baseURL }) => {
  await signIn(page, ACCOUNTS.reviewer);
  const copy = await copiedCookieClient(page, baseURL!);
  expect((await copy.get('/api/articles')).status()).toBe(200);
  expect((await (await copy.get('/api/auth/session')).json()).user?.email).toBe(ACCOUNTS.reviewer);
  await signOut(page);
  expect((await copy.get('/api/articles')).status()).toBe(401);
  expect(await (await copy.get('/api/auth/session')).json()).toEqual({});
  await copy.dispose();
  // Signing in again works as before.
  await signIn(page, ACCOUNTS.reviewer);
  await signOut(page);
});

test('deactivating an account ends its sessions at once and refuses its sign-in until reactivated', async ({ page, browser, baseURL }) => {
  const reviewer = await browser.newPage();
  await signIn(reviewer, ACCOUNTS.reviewer);
  const copy = await copiedCookieClient(reviewer, baseURL!);

  await signIn(page, ACCOUNTS.admin);
  await page.getByRole('link', { name: 'Accounts' }).click();
  page.once('dialog', (d) => void d.accept());
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: ACCOUNTS.reviewer, exact: true }) });
  await row.getByRole('button', { name: 'Deactivate' }).click();
  await expect(row).toContainText('deactivated');

  expect((await copy.get('/api/articles')).status()).toBe(401);
  expect(await (await copy.get('/api/auth/session')).json()).toEqual({});
  await reviewer.reload();
  await expect(reviewer).toHaveURL(/\/signin/);
  await reviewer.getByLabel('Email').fill(ACCOUNTS.reviewer);
  await reviewer.getByLabel('Password').fill(PASSWORD);
  await reviewer.getByRole('button', { name: 'Sign in' }).click();
  await expect(reviewer.getByTestId('form-error')).toHaveText('Wrong email or password. Check both and try again.');

  // Only admins may deactivate; the API says so.
  const asCopy = await copy.post('/api/users/anything/deactivate');
  expect(asCopy.status()).toBe(401);

  await row.getByRole('button', { name: 'Reactivate' }).click();
  await expect(row.getByRole('button', { name: 'Deactivate' })).toBeVisible();
  await signIn(reviewer, ACCOUNTS.reviewer);
  await copy.dispose();
  await reviewer.close();
  await signOut(page);
});
