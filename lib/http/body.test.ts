// Issue 8, finding 5: request bodies were read whole before anything looked at their size (a 400 MB
// JSON body took the server from 444 to 1,748 MB), and a chunked upload skipped the size check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { MAX_BODY_BYTES, readBody } from './body';
import { readJson } from './respond';

const MB = 1024 * 1024;

/** A chunked body (no Content-Length) of `total` bytes, produced only as it is read. */
function lazyBody(total: number, chunk = 64 * 1024) {
  const stats = { pulled: 0, cancelled: false };
  const piece = new TextEncoder().encode('{"explanation":"' + 'x'.repeat(chunk));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      stats.pulled += piece.byteLength;
      controller.enqueue(piece.slice());
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost:3000/api/claims/x/verdict', { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit);

const isTooLarge = (e: unknown) => e instanceof AppError && e.status === 413 && /larger than 12 MB/.test(e.message);

test('a 400 MB chunked JSON body is refused with 413 after reading at most the limit, memory flat', async () => {
  const { stream, stats } = lazyBody(400 * MB);
  const before = process.memoryUsage().rss;
  await assert.rejects(readJson(post(stream)), isTooLarge);
  const grewMb = (process.memoryUsage().rss - before) / MB;
  console.log(`# 400 MB chunked JSON: read ${(stats.pulled / MB).toFixed(1)} MB, RSS +${grewMb.toFixed(1)} MB`);
  assert.ok(stats.pulled <= MAX_BODY_BYTES + 2 * 64 * 1024, `pulled ${stats.pulled} bytes`);
  assert.ok(stats.cancelled, 'the upload is cancelled, not drained');
  assert.ok(grewMb < 64, `RSS grew ${grewMb.toFixed(0)} MB`);
});

test('a Content-Length over the limit is refused before a byte is read', async () => {
  const req = post(lazyBody(13 * MB).stream, { 'content-length': String(13 * MB) });
  await assert.rejects(readBody(req), isTooLarge);
  assert.equal(req.bodyUsed, false);
});

test('a body that lies about its Content-Length is still cut at the limit', async () => {
  const { stream, stats } = lazyBody(40 * MB);
  await assert.rejects(readBody(post(stream, { 'content-length': '100' })), isTooLarge);
  assert.ok(stats.pulled <= MAX_BODY_BYTES + 2 * 64 * 1024);
});

test('a per-route limit applies the same way', async () => {
  const { stream } = lazyBody(MB);
  await assert.rejects(readJson(post(stream), 64 * 1024), (e) => e instanceof AppError && e.status === 413 && /larger than 64 KB/.test(e.message));
});

test('bodies under the limit still parse; broken JSON is 400, another type 415', async () => {
  const text = 'Fares rose 5 percent. '.repeat(40_000);
  assert.deepEqual(await readJson(post(JSON.stringify({ title: 'ok', text }))), { title: 'ok', text });
  assert.deepEqual(await readJson(post('\uFEFF{"a":"é"}')), { a: 'é' });
  await assert.rejects(readJson(post('{"title": ')), (e) => e instanceof AppError && e.status === 400);
  await assert.rejects(readJson(post('{}', { 'content-type': 'text/plain' })), (e) => e instanceof AppError && e.status === 415);
  assert.equal((await readBody(post(null))).byteLength, 0);
});
