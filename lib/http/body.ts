// Every request body is read through this one counter, so a body over its limit is refused after
// at most `limit` bytes have been buffered - with or without Content-Length (chunked uploads send
// none). Before issue 8 a 400 MB JSON body was read whole before anything looked at it.
import { AppError } from '../api/errors';

/** The largest valid request: a 10 MB upload plus form fields, or 1 MB of article text as JSON (escaped). */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

function tooLarge(limit: number): AppError {
  const size = limit >= 1048576 ? `${Math.round(limit / 1048576)} MB` : `${Math.round(limit / 1024)} KB`;
  return new AppError('too_large', `The request is larger than ${size}, the most this address accepts. Articles may hold at most 1 MB of text and uploads at most 10 MB.`);
}

/**
 * Reads the body into memory, refusing it with 413 as soon as it passes `limit` bytes. `refusal`
 * lets a route name its own limit (an archive import's is not an article's).
 */
export async function readBody(req: Request, limit = MAX_BODY_BYTES, refusal: () => AppError = () => tooLarge(limit)): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw refusal();
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read().catch((error: unknown) => {
      // The client went away or broke the chunked encoding mid-body: nothing to answer but a 400.
      throw new AppError('bad_request', `The request body could not be read (${error instanceof Error ? error.message : String(error)}). Try again.`);
    });
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Stop the upload instead of draining the rest of it.
      await reader.cancel();
      throw refusal();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
