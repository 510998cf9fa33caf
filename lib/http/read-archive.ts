// Reads an archive upload (JSON body or a multipart file) with the size capped while reading: a
// Content-Length header can be absent or wrong, so the stream itself is counted.
import { AppError } from '../api/errors';
import { decodeArchiveBytes, MAX_ARCHIVE_BYTES } from '../review-archive/schema';

/** Multipart framing (boundaries, part headers) on top of the file itself. */
const MULTIPART_SLACK = 64 * 1024;

async function readCapped(req: Request, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  const tooLarge = () => new AppError('too_large', `The archive is larger than ${MAX_ARCHIVE_BYTES / 1048576} MB, the limit for one import.`);
  if (declared > cap) throw tooLarge();
  if (!req.body) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** The archive's text from `application/json` or `multipart/form-data` (field `file`). */
export async function readArchiveText(req: Request): Promise<string> {
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return decodeArchiveBytes(await readCapped(req, MAX_ARCHIVE_BYTES));
  if (type.includes('multipart/form-data')) {
    const bytes = await readCapped(req, MAX_ARCHIVE_BYTES + MULTIPART_SLACK);
    const form = await new Response(bytes, { headers: { 'content-type': type } }).formData().catch(() => {
      throw new AppError('bad_request', 'The upload could not be read. Try again.');
    });
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError('invalid', 'Choose the archive file to import (a .json file exported with format=archive).', { file: 'Required.' });
    }
    return decodeArchiveBytes(new Uint8Array(await file.arrayBuffer()));
  }
  throw new AppError('unsupported_format', 'Send the archive as JSON (Content-Type: application/json) or upload it as a file (multipart/form-data, field "file").');
}
