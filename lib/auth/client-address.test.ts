import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { addressBucket, parseTrustedProxies, resolveClientAddress } from './client-address';

const req = (peer: string, xff?: string) =>
  ({ socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: xff ? { 'x-forwarded-for': xff } : {} }) as unknown as IncomingMessage;

test('without trusted proxies X-Forwarded-For is ignored: the socket address counts', () => {
  const trust = parseTrustedProxies(undefined);
  assert.equal(resolveClientAddress(req('203.0.113.9', '198.51.100.1'), trust), '203.0.113.9');
  assert.equal(resolveClientAddress(req('::1', '1.2.3.4, 5.6.7.8'), trust), '::1');
});

test('behind a listed proxy the nearest untrusted hop counts, and only then', () => {
  const trust = parseTrustedProxies('10.0.0.5, 192.168.0.0/16');
  assert.equal(resolveClientAddress(req('10.0.0.5', '198.51.100.1'), trust), '198.51.100.1');
  // A client-written hop left of the proxy's own entry is not believed.
  assert.equal(resolveClientAddress(req('10.0.0.5', '6.6.6.6, 198.51.100.1'), trust), '198.51.100.1');
  assert.equal(resolveClientAddress(req('192.168.3.4', '198.51.100.2, 10.0.0.5'), trust), '198.51.100.2');
  assert.equal(resolveClientAddress(req('203.0.113.9', '198.51.100.1'), trust), '203.0.113.9', 'not from a listed proxy');
  assert.throws(() => parseTrustedProxies('not-an-address'), /FACTDESK_TRUSTED_PROXIES/);
});

test('IPv6 clients are bucketed by /64; IPv4-mapped addresses are plain IPv4', () => {
  assert.equal(addressBucket('2001:db8:1:2:aaaa::1'), addressBucket('2001:db8:1:2:ffff::9'));
  assert.notEqual(addressBucket('2001:db8:1:2::1'), addressBucket('2001:db8:1:3::1'));
  assert.equal(addressBucket('::ffff:127.0.0.1'), '127.0.0.1');
  assert.equal(addressBucket('198.51.100.7'), '198.51.100.7');
});
