// Issue 8, finding 11: the Origin check believed X-Forwarded-Host, which any client sends, so a
// request could name its own origin as ours. It now compares with NEXTAUTH_URL and believes
// forwarded headers only from a proxy listed in FACTDESK_TRUSTED_PROXIES.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { parseTrustedProxies, PEER_ADDRESS_HEADER as PEER_HEADER } from '../auth/client-address';
import { normaliseAddress } from './client-address';
import { crossSiteReason, originPolicy } from './origin';
import { assertSameOrigin } from './respond';

const write = (headers: Record<string, string>) => new Request('http://localhost:3000/api/articles', { method: 'POST', headers: { host: 'localhost:3000', ...headers } });

test('a forged X-Forwarded-Host does not make another origin ours (the reported bypass)', () => {
  const saved = { url: process.env.NEXTAUTH_URL, proxies: process.env.FACTDESK_TRUSTED_PROXIES };
  process.env.NEXTAUTH_URL = 'http://localhost:3000';
  delete process.env.FACTDESK_TRUSTED_PROXIES;
  try {
    assert.throws(() => assertSameOrigin(write({ origin: 'http://evil.test', 'x-forwarded-host': 'evil.test' })), (e) => e instanceof AppError && e.status === 403 && /came from http:\/\/evil\.test.*NEXTAUTH_URL/.test(e.message));
    assert.doesNotThrow(() => assertSameOrigin(write({ origin: 'http://localhost:3000' })));
  } finally {
    if (saved.url === undefined) delete process.env.NEXTAUTH_URL;
    else process.env.NEXTAUTH_URL = saved.url;
    if (saved.proxies !== undefined) process.env.FACTDESK_TRUSTED_PROXIES = saved.proxies;
  }
});

test('the configured public URL decides, scheme and port included; Host cannot override it', () => {
  const policy = originPolicy({ NEXTAUTH_URL: 'https://factdesk.newsroom.example/' });
  const h = (origin: string, extra: Record<string, string> = {}) => new Headers({ origin, host: 'evil.test', ...extra });
  assert.equal(crossSiteReason(h('https://factdesk.newsroom.example'), policy), null);
  assert.match(crossSiteReason(h('http://factdesk.newsroom.example'), policy) ?? '', /not allowed/);
  assert.match(crossSiteReason(h('https://factdesk.newsroom.example:8443'), policy) ?? '', /not allowed/);
  assert.match(crossSiteReason(h('https://evil.test'), policy) ?? '', /not allowed/);
  assert.match(crossSiteReason(h('null'), policy) ?? '', /not allowed/);
  // Scripts send no Origin; a browser's cross-site request without one says so in Sec-Fetch-Site.
  assert.equal(crossSiteReason(new Headers({ host: 'x' }), policy), null);
  assert.match(crossSiteReason(new Headers({ 'sec-fetch-site': 'cross-site' }), policy) ?? '', /not allowed/);
});

test('without NEXTAUTH_URL the Host header is the fallback, never X-Forwarded-Host', () => {
  const policy = originPolicy({});
  assert.equal(crossSiteReason(new Headers({ origin: 'http://localhost:3000', host: 'localhost:3000' }), policy), null);
  assert.match(crossSiteReason(new Headers({ origin: 'http://evil.test', host: 'localhost:3000', 'x-forwarded-host': 'evil.test' }), policy) ?? '', /not allowed/);
});

test('X-Forwarded-Host counts only when the socket peer is a trusted proxy', () => {
  const policy = originPolicy({ NEXTAUTH_URL: 'http://localhost:3000', FACTDESK_TRUSTED_PROXIES: '10.0.0.5, 192.168.0.0/16' });
  const viaProxy = (peer: string) => new Headers({ origin: 'https://desk.example', host: 'localhost:3000', 'x-forwarded-host': 'desk.example', 'x-forwarded-proto': 'https', [PEER_HEADER]: peer });
  assert.equal(crossSiteReason(viaProxy('10.0.0.5'), policy), null);
  assert.equal(crossSiteReason(viaProxy('::ffff:192.168.4.2'), policy), null);
  assert.match(crossSiteReason(viaProxy('10.0.0.6'), policy) ?? '', /not allowed/);
  const noPeer = new Headers({ origin: 'https://desk.example', 'x-forwarded-host': 'desk.example', 'x-forwarded-proto': 'https' });
  assert.match(crossSiteReason(noPeer, policy) ?? '', /not allowed/);
});

test('FACTDESK_TRUSTED_PROXIES: addresses and ranges parse, a typo fails loudly', () => {
  assert.equal(parseTrustedProxies(undefined)('127.0.0.1', 0), false);
  assert.equal(parseTrustedProxies(' , ')('127.0.0.1', 0), false);
  const trust = parseTrustedProxies('127.0.0.1, ::1, 10.0.0.0/8, fd00::/8');
  assert.ok(trust('10.200.1.1', 0));
  assert.ok(trust('::1', 0));
  assert.ok(!trust('11.0.0.1', 0));
  assert.throws(() => parseTrustedProxies('10.0.0.1, proxy.internal'), /FACTDESK_TRUSTED_PROXIES is not a list of addresses or CIDR ranges/);
  assert.throws(() => parseTrustedProxies('10.0.0.0/33'), /FACTDESK_TRUSTED_PROXIES is not a list/);
  assert.throws(() => originPolicy({ NEXTAUTH_URL: 'localhost:3000' }), /NEXTAUTH_URL "localhost:3000" is not an http\(s\) URL/);
  assert.equal(normaliseAddress('::ffff:10.1.2.3'), '10.1.2.3');
});
