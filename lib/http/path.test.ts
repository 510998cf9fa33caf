import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDecodablePath, malformedPathResponse } from './path';

test('paths with broken percent-encoding are told apart from valid ones', () => {
  for (const bad of ['/articles/%E0%A4%A', '/articles/%', '/articles/%zz', '/api/claims/%C3', '/articles/%ED%A0%80']) assert.equal(isDecodablePath(bad), false, bad);
  for (const ok of ['/', '/articles/abc', '/articles/%E0%A4%A4', '/articles/caf%C3%A9', '/articles/a%20b']) assert.equal(isDecodablePath(ok), true, ok);
});

test('the answer is 400: JSON error shape for the API, text for pages', async () => {
  const api = malformedPathResponse('/api/claims/%E0%A4%A');
  assert.equal(api.status, 400);
  assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'bad_request');
  const page = malformedPathResponse('/articles/%E0%A4%A');
  assert.equal(page.status, 400);
  assert.match(page.headers.get('content-type') ?? '', /^text\/plain/);
  assert.match(await page.text(), /percent-encoding/);
});
