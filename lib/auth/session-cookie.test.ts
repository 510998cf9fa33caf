import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode } from 'next-auth/jwt';
import { decodeSessionCookie } from './session-cookie';

const secret = 'test-secret-0123456789abcdef';

test("reads next-auth's own session cookie, and nothing else", async () => {
  const token = await encode({ token: { uid: 'u1', sv: 3 }, secret });
  const decoded = await decodeSessionCookie({ token, secret });
  assert.equal(decoded?.uid, 'u1');
  assert.equal(decoded?.sv, 3);
  assert.equal(await decodeSessionCookie({ token: undefined, secret }), null);
  await assert.rejects(decodeSessionCookie({ token, secret: 'another-secret-0123456789abcdef' }), 'another secret cannot read it');
  const [h, k, iv, c, t] = token.split('.');
  const flipped = `${h}.${k}.${iv}.${c!.slice(0, -2)}${c!.endsWith('A') ? 'B' : 'A'}${c!.slice(-1)}.${t}`;
  await assert.rejects(decodeSessionCookie({ token: flipped, secret }), 'a tampered cookie is refused');
});

test('an expired session cookie is refused', async () => {
  const token = await encode({ token: { uid: 'u1', sv: 1 }, secret, maxAge: -60 });
  await assert.rejects(decodeSessionCookie({ token, secret }));
});
