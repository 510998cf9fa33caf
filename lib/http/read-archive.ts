// Reads an archive upload (JSON body or a multipart file) through readBody's counter (lib/http/body.ts),
// with the archive's own limit: a Content-Length header can be absent or wrong.
import { AppError } from '../api/errors';
import { readBody } from './body';
import { decodeArchiveBytes, MAX_ARCHIVE_BYTES } from '../review-archive/schema';

/** Multipart framing (boundaries, part headers) on top of the file itself. */
const MULTIPART_SLACK = 64 * 1024;

const tooLarge = () => new AppError('too_large', `The archive is larger than ${MAX_ARCHIVE_BYTES / 1048576} MB, the limit for one import.`);

/** The archive's text from `application/json` or `multipart/form-data` (field `file`). */
export async function readArchiveText(req: Request): Promise<string> {
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('application/json')) return decodeArchiveBytes(await readBody(req, MAX_ARCHIVE_BYTES, tooLarge));
  if (type.includes('multipart/form-data')) {
    const bytes = await readBody(req, MAX_ARCHIVE_BYTES + MULTIPART_SLACK, tooLarge);
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
