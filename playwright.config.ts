// Playwright drives Debian's Chromium (`npx playwright install` cannot download browsers here)
// against `next start` on a fresh SQLite database, so the first journey sees a brand-new install.
import { defineConfig, devices } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Chosen once in the main process and passed to workers through the environment (workers re-load
// this file).
process.env.E2E_PORT ??= String(4100 + Math.floor(Math.random() * 800));
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'factdesk-e2e-'));
// The one-time set-up token (scripts/setup-link.mjs): fixed for this run so first-run.spec.ts can
// open the set-up link that `npm start` prints.
process.env.E2E_SETUP_TOKEN ??= randomBytes(24).toString('base64url');
const port = Number(process.env.E2E_PORT);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'first-run', testMatch: /first-run\.spec\.ts/, use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    {
      name: 'desktop',
      testIgnore: /first-run\.spec\.ts|phone\.spec\.ts/,
      dependencies: ['first-run'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } },
    },
    {
      name: 'phone',
      testMatch: /phone\.spec\.ts/,
      dependencies: ['first-run'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      FACTDESK_DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: `file:${join(process.env.E2E_DATA_DIR, 'e2e.db')}`,
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
      BCRYPT_COST: '4',
      ARGON2_MEMORY_KIB: '1024',
      ARGON2_TIME_COST: '1',
      FACTDESK_SETUP_TOKEN: process.env.E2E_SETUP_TOKEN,
    },
  },
});
