// The hook must replace, never trust, a client's own x-factdesk-* address headers: otherwise anyone
// could pose as a trusted proxy (Origin check) or rotate addresses past the sign-in throttle.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { CLIENT_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from './client-address';
import { installClientAddressHook } from './peer-address';

test('the socket address overwrites forged address headers, and X-Forwarded-For is not believed from an untrusted peer', async () => {
  delete process.env.FACTDESK_TRUSTED_PROXIES;
  installClientAddressHook();
  const server = createServer((req, res) => res.end(JSON.stringify([req.headers[PEER_ADDRESS_HEADER], req.headers[CLIENT_ADDRESS_HEADER]])));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [PEER_ADDRESS_HEADER]: '10.0.0.5', [CLIENT_ADDRESS_HEADER]: '10.0.0.6', 'x-forwarded-for': '10.0.0.7' },
    });
    const [peer, client] = (await res.json()) as [string, string];
    assert.match(peer, /127\.0\.0\.1$/);
    assert.match(client, /127\.0\.0\.1$/);
  } finally {
    server.close();
  }
});
