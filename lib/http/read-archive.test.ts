// The archive import reads its upload through readBody's counter with the archive's own limit: an
// oversized archive is refused with a message naming that limit, chunked or not, without being read whole.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../api/errors';
import { MAX_ARCHIVE_BYTES } from '../review-archive/schema';
import { readArchiveText } from './read-archive';

const MB = 1024 * 1024;

function chunked(total: number) {
  const stats = { pulled: 0, cancelled: false };
  const piece = new Uint8Array(256 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close();
      stats.pulled += piece.byteLength;
      controller.enqueue(piece.slice());
    },
    cancel() { stats.cancelled = true; },
  });
  return { stream, stats };
}

const upload = (body: BodyInit, headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/archive/import', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

const isArchiveTooLarge = (e: unknown) => e instanceof AppError && e.status === 413 && /archive is larger than 50 MB/.test(e.message);

test('a chunked archive over 50 MB is refused with 413 after at most the limit, naming the archive limit', async () => {
  const { stream, stats } = chunked(80 * MB);
  await assert.rejects(readArchiveText(upload(stream, { 'content-type': 'application/json' })), isArchiveTooLarge);
  assert.ok(stats.pulled <= MAX_ARCHIVE_BYTES + 512 * 1024, `pulled ${stats.pulled} bytes`);
  assert.ok(stats.cancelled, 'the upload is cancelled, not drained');
});

test('a declared length over the limit is refused before a byte is read', async () => {
  const req = upload(chunked(MB).stream, { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_ARCHIVE_BYTES + MB) });
  await assert.rejects(readArchiveText(req), isArchiveTooLarge);
  assert.equal(req.bodyUsed, false);
});

test('a multipart upload without a file asks for one; another type is 415', async () => {
  const form = new FormData();
  form.set('title', 'no file');
  const res = new Response(form);
  const req = upload(await res.arrayBuffer(), { 'content-type': res.headers.get('content-type')! });
  await assert.rejects(readArchiveText(req), (e) => e instanceof AppError && e.status === 422 && /Choose the archive file/.test(e.message));
  await assert.rejects(readArchiveText(upload('x', { 'content-type': 'text/plain' })), (e) => e instanceof AppError && e.status === 415);
});
