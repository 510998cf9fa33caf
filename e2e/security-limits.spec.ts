// Issue 8, findings 1, 5, 6 and 11 over real HTTP against `next start`: no upload or request body
// can exhaust the server's memory, sign-in never sends anyone off-site, and pages carry a strict
// CSP with per-request nonces. Each test failed on the main branch before these fixes.
import { request as httpRequest } from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { makeDocxBomb } from '../lib/ingest/docx-fixtures';
import { ACCOUNTS, PASSWORD, signIn } from './helpers';

const MB = 1024 * 1024;

async function articleCount(page: Page): Promise<number> {
  return ((await (await page.request.get('/api/articles')).json()) as { articles: unknown[] }).articles.length;
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/**
 * Streams `total` bytes of `chunk` to the server as a chunked body (no Content-Length), as a
 * client that never says how much is coming. Stops sending when the server answers.
 */
function streamBody(baseURL: string, path: string, headers: Record<string, string>, chunk: Buffer, total: number): Promise<{ status: number; body: string; sentMb: number; ms: number }> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(new URL(path, baseURL), { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentMb: sent / MB, ms: performance.now() - t });
      });
    });
    req.on('error', (e) => {
      // Once the server has answered, it may close the socket under the rest of our upload.
      if (!answered) reject(e);
    });
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.byteLength;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test.describe('finding 1: .docx zip bombs', () => {
  test('a 100 MB and a 300 MB bomb are refused with 413 at once, and the server keeps answering', async ({ page }) => {
    await signIn(page, ACCOUNTS.editor);
    const before = await articleCount(page);
    for (const inflated of [100, 300]) {
      const bomb = await makeDocxBomb(inflated * MB);
      const t = performance.now();
      const res = await page.request.post('/api/articles', { multipart: { title: `Bomb ${inflated}`, file: { name: 'draft.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bomb } } });
      const ms = performance.now() - t;
      expect(res.status()).toBe(413);
      expect((await res.json()).error.message).toMatch(/unpacks to more than 16 MB.*paste the text/);
      expect(ms, `answered in ${ms.toFixed(0)} ms`).toBeLessThan(5000);
      expect((await page.request.get('/api/health')).status()).toBe(200);
    }
    expect(await articleCount(page)).toBe(before);
  });
});

test.describe('finding 5: request bodies are limited while streaming', () => {
  test('a 400 MB chunked JSON body gets 413 long before it is all sent', async ({ page, baseURL }) => {
    await signIn(page, ACCOUNTS.reviewer);
    const chunk = Buffer.from(`{"rating":"False","explanation":"${'x'.repeat(64 * 1024)}`);
    const res = await streamBody(baseURL!, '/api/claims/any/verdict', { cookie: await cookieHeader(page), 'content-type': 'application/json' }, chunk, 400 * MB);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/larger than 12 MB/);
    expect(res.sentMb, `sent ${res.sentMb.toFixed(0)} MB before the answer`).toBeLessThan(100);
    expect((await page.request.get('/api/health')).status()).toBe(200);
  });

  test('a chunked multipart upload without Content-Length gets 413 and saves nothing', async ({ page, baseURL }) => {
    await signIn(page, ACCOUNTS.editor);
    const before = await articleCount(page);
    const boundary = 'factdesk-limit-test';
    const head = `--${boundary}\r\ncontent-disposition: form-data; name="title"\r\n\r\nHuge upload\r\n--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="huge.txt"\r\ncontent-type: text/plain\r\n\r\n`;
    const chunk = Buffer.from(head + 'Fares rose 5 percent. '.repeat(3000));
    const res = await streamBody(baseURL!, '/api/articles', { cookie: await cookieHeader(page), 'content-type': `multipart/form-data; boundary=${boundary}` }, chunk, 200 * MB);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.message).toMatch(/larger than 12 MB/);
    expect(await articleCount(page)).toBe(before);
  });
});

test.describe('finding 6: no redirect off-site after sign-in', () => {
  test('callbackUrl=/\\evil.test lands on the home page; a same-site callback is kept', async ({ page, baseURL }) => {
    let offsite = '';
    await page.route((url) => url.hostname === 'evil.test', (route) => {
      offsite = route.request().url();
      return route.abort();
    });
    await page.goto('/signin?callbackUrl=%2F%5Cevil.test');
    await page.getByLabel('Email').fill(ACCOUNTS.reviewer);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(ACCOUNTS.reviewer);
    expect(page.url()).toBe(`${baseURL}/`);
    expect(offsite).toBe('');

    await page.context().clearCookies();
    await page.goto('/signin?callbackUrl=%2F%3Ffrom%3Dsignin');
    await page.getByLabel('Email').fill(ACCOUNTS.reviewer);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${baseURL}/?from=signin`);
  });
});

test.describe('finding 11: headers', () => {
  test('pages send a strict CSP with a fresh nonce that every script carries, and refuse framing', async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const res = await request.get('/signin');
      expect(res.status()).toBe(200);
      const csp = res.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      nonces.add(nonce!);
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      expect(res.headers()['x-frame-options']).toBe('DENY');
      expect(res.headers()['referrer-policy']).toBe('same-origin');
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
    }
    expect(nonces.size).toBe(2);
  });

  test('the app runs under the CSP without a single violation', async ({ page }) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await signIn(page, ACCOUNTS.editor);
    await page.goto('/articles/new');
    await page.getByLabel('Title').fill('CSP check');
    await page.getByLabel('Article text').fill('The council voted 7-2 on Tuesday. Fares rose 5 percent in 2023.');
    await page.getByRole('button', { name: 'Load article' }).click();
    await page.waitForURL((url) => /^\/articles\/(?!new$)[a-z0-9]+$/.test(url.pathname));
    await page.locator('mark.claim').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'CSP check' })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('a forged X-Forwarded-Host does not get a cross-site write through (403)', async ({ page }) => {
    await signIn(page, ACCOUNTS.editor);
    const before = await articleCount(page);
    const res = await page.request.post('/api/articles', {
      headers: { origin: 'http://evil.test', 'x-forwarded-host': 'evil.test' },
      data: { title: 'Forged', text: 'Fares rose 5 percent.' },
    });
    expect(res.status()).toBe(403);
    expect((await res.json()).error.message).toMatch(/came from http:\/\/evil\.test/);
    expect(await articleCount(page)).toBe(before);
  });
});
