// Bad input over real HTTP: each limit gets its status and a message a person can act on, and
// nothing is half-saved.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, PASSWORD, signIn, signOut } from './helpers';

const SEED_TITLE = 'Bad input checks';

test('the API answers 401 without a session', async ({ request }) => {
  for (const [method, path] of [['GET', '/api/articles'], ['POST', '/api/articles'], ['POST', '/api/extract'], ['GET', '/api/articles/x/history'], ['GET', '/api/articles/x/export?format=html'], ['POST', '/api/claims/x/verdict']] as const) {
    const res = await request.fetch(path, { method, data: method === 'POST' ? {} : undefined });
    expect(res.status(), `${method} ${path}`).toBe(401);
    expect((await res.json()).error.message).toBe('Sign in to continue.');
  }
});

test('an address with broken percent-encoding is 400 with a reason, not a server error, signed in or out', async ({ page }) => {
  for (const path of ['/articles/%E0%A4%A', '/articles/%zz/compare', '/%']) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(400);
    expect(await res.text()).toContain('broken percent-encoding');
  }
  // The API answers in its own error shape.
  for (const [method, path] of [['GET', '/api/articles/%E0%A4%A'], ['POST', '/api/claims/%E0%A4%A/verdict']] as const) {
    const res = await page.request.fetch(path, { method, data: method === 'POST' ? {} : undefined });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).error.code).toBe('bad_request');
  }
  // A well-formed escape in an API path still reaches the route (401 signed out).
  expect((await page.request.get('/api/articles/%E0%A4%A4')).status()).toBe(401);
  await signIn(page, ACCOUNTS.reviewer);
  const res = await page.goto('/articles/%E0%A4%A');
  expect(res?.status()).toBe(400);
  await expect(page.getByText(/broken percent-encoding/)).toBeVisible();
  // A well-formed but unknown id is still the ordinary not-found page.
  expect((await page.goto('/articles/%E0%A4%A4'))?.status()).toBe(404);
  await signOut(page);
});

test('editor: empty, huge, malformed, unsupported and cross-site requests are refused with nothing saved', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const before = ((await (await page.request.get('/api/articles')).json()) as { articles: unknown[] }).articles.length;

  const empty = await page.request.post('/api/articles', { data: { title: SEED_TITLE, text: '   ' } });
  expect(empty.status()).toBe(422);
  expect((await empty.json()).error.message).toMatch(/no text/);

  const huge = await page.request.post('/api/articles', { data: { title: SEED_TITLE, text: 'Fares rose 5 percent. '.repeat(50_000) } });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toMatch(/limit is 1 MB/);

  const malformed = await page.request.post('/api/articles', { headers: { 'content-type': 'application/json' }, data: Buffer.from('{"title": ') });
  expect(malformed.status()).toBe(400);

  const png = await page.request.post('/api/articles', {
    multipart: { title: SEED_TITLE, file: { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) } },
  });
  expect(png.status()).toBe(415);
  expect((await png.json()).error.message).toMatch(/Upload \.txt, \.md, \.html or \.docx/);

  const corrupt = await page.request.post('/api/articles', {
    multipart: { title: SEED_TITLE, file: { name: 'draft.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004garbage') } },
  });
  expect(corrupt.status()).toBe(415);

  const crossSite = await page.request.post('/api/articles', { headers: { origin: 'https://evil.example' }, data: { title: SEED_TITLE, text: 'Fares rose 5 percent.' } });
  expect(crossSite.status()).toBe(403);

  const missing = await page.request.get('/api/articles/does-not-exist');
  expect(missing.status()).toBe(404);
  const badFormat = await page.request.get('/api/articles/does-not-exist/export?format=pdf');
  expect(badFormat.status()).toBe(422);

  const after = ((await (await page.request.get('/api/articles')).json()) as { articles: unknown[] }).articles.length;
  expect(after).toBe(before);

  // The form shows the server's message where the editor is looking.
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill(SEED_TITLE);
  await page.getByRole('button', { name: 'Load article' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(/The article has no text/);
});

test('reviewer: loading an article or exporting is 403; a stale verdict is 409', async ({ page }) => {
  await signIn(page, ACCOUNTS.editor);
  const created = await page.request.post('/api/articles', { data: { title: 'Bridge', text: 'The bridge, shut for 30 days, cost $40 million to repair.' } });
  expect(created.status()).toBe(201);
  const { id, claims } = (await created.json()) as { id: string; claims: Array<{ id: string; version: number }> };
  await signOut(page);

  await signIn(page, ACCOUNTS.reviewer);
  expect((await page.request.post('/api/articles', { data: { title: 'x', text: 'Fares rose 5 percent.' } })).status()).toBe(403);
  expect((await page.request.get(`/api/articles/${id}/export?format=csv`)).status()).toBe(403);
  const claim = claims[0]!;
  const first = await page.request.post(`/api/claims/${claim.id}/verdict`, { data: { rating: 'Mixed', explanation: 'Two figures.', version: claim.version } });
  expect(first.status()).toBe(201);
  const stale = await page.request.post(`/api/claims/${claim.id}/verdict`, { data: { rating: 'False', explanation: 'Stale tab.', version: claim.version } });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.message).toMatch(/Reload to see their change/);
  const invalid = await page.request.post(`/api/claims/${claim.id}/sources`, { data: { url: 'javascript:alert(1)', title: 'x', stance: 'supports', version: claim.version + 1 } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fields.url).toMatch(/http/);
});

test('hostile HTML in an article or a source never runs in the page', async ({ page }) => {
  let alerted = false;
  page.on('dialog', async (d) => { alerted = true; await d.dismiss(); });
  await signIn(page, ACCOUNTS.editor);
  const text = 'Officials said <img src=x onerror="alert(1)"> 87 people died. <script>alert(2)</script> The toll rose 5 percent.';
  const created = await page.request.post('/api/articles', { data: { title: '<script>alert(3)</script>', text } });
  const { id, claims } = (await created.json()) as { id: string; claims: Array<{ id: string }> };
  await page.request.post(`/api/claims/${claims[0]!.id}/sources`, { data: { url: 'https://example.org/"><script>alert(4)</script>', title: '<img src=x onerror=alert(5)>', stance: 'context', version: 1 } });
  await page.goto(`/articles/${id}`);
  await expect(page.getByTestId('article-text')).toContainText('<img src=x onerror="alert(1)">');
  await page.locator('mark.claim').first().click();
  await expect(page.getByRole('dialog').getByRole('link', { name: '<img src=x onerror=alert(5)>' })).toBeVisible();
  const exported = await page.request.get(`/api/articles/${id}/export?format=html`);
  expect(exported.headers()['content-security-policy']).toContain("default-src 'none'");
  const body = await exported.text();
  expect(body).not.toContain('<script>');
  expect(body).not.toContain('<img');
  await page.goto(`/api/articles/${id}/export?format=html`);
  await expect(page.locator('h1')).toHaveText('<script>alert(3)</script>');
  expect(alerted).toBe(false);
});

test('sign-in is throttled after repeated wrong passwords', async ({ page }) => {
  const victim = 'nobody-here@newsroom.example';
  for (let i = 0; i < 5; i++) {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(victim);
    await page.getByLabel('Password').fill(`wrong-password-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('form-error')).toHaveText('Wrong email or password. Check both and try again.');
  }
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText(/Too many failed sign-in attempts/);
});
