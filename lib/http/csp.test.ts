import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, newNonce } from './csp';

test('each page gets its own unguessable nonce', () => {
  const nonces = new Set(Array.from({ length: 1000 }, newNonce));
  assert.equal(nonces.size, 1000);
  for (const n of nonces) assert.match(n, /^[A-Za-z0-9+/]{22}==$/);
});

test('the policy allows only nonce-carrying scripts, no framing, no plugins', () => {
  const csp = contentSecurityPolicy('abc', { isDev: false, isHttps: true });
  const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d]));
  assert.equal(directives['script-src'], "script-src 'self' 'nonce-abc' 'strict-dynamic'");
  assert.equal(directives['frame-ancestors'], "frame-ancestors 'none'");
  assert.equal(directives['object-src'], "object-src 'none'");
  assert.ok(!csp.includes('unsafe-inline'));
  assert.ok(!csp.includes('unsafe-eval'));
  assert.ok(csp.includes('upgrade-insecure-requests'));
  assert.ok(contentSecurityPolicy('abc', { isDev: true, isHttps: false }).includes("'unsafe-eval'"));
});
