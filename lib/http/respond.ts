// The adapter between route handlers and the data layer: one place that turns AppError and zod
// errors into API.md's error shape, refuses cross-site writes, and never leaks internals.
import { NextResponse } from 'next/server';
import { AppError } from '../api/errors';
import { findUnsafeJson } from '../api/input-safety';

export function errorResponse(error: AppError): NextResponse {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
    { status: error.status },
  );
}

/**
 * A cookie-authenticated write from another site is refused: browsers send Origin on cross-site
 * POSTs, so a mismatch means a page elsewhere is riding the reviewer's session. Scripts that send no
 * Origin are not browsers and need a session cookie of their own.
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  if (!origin) {
    if (req.headers.get('sec-fetch-site') === 'cross-site') throw new AppError('forbidden', 'Cross-site requests are not allowed.');
    return;
  }
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  let originHost = '';
  try {
    originHost = new URL(origin).host;
  } catch {
    /* "null" or garbage: refused below */
  }
  if (!host || originHost !== host) throw new AppError('forbidden', 'Cross-site requests are not allowed.');
}

export async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new AppError('unsupported_format', 'Send JSON with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
  // Every JSON route, whatever its schema, refuses text neither database can store, so the answer
  // is the same 422 on SQLite and PostgreSQL and nothing is written (decision 012).
  const unsafe = findUnsafeJson(body);
  if (unsafe) throw new AppError('invalid', unsafe.path === '_' ? unsafe.message : `${unsafe.path}: ${unsafe.message}`, { [unsafe.path]: unsafe.message });
  return body;
}

/** Wraps a handler: AppError -> its status; anything else -> 500 with a generic message (logged). */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    const req = args[0] as Request;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') assertSameOrigin(req);
      return await fn(...args);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      // Only the error's kind and first line: Prisma messages echo the data sent, which can include
      // article text or a password hash, and neither belongs in a log.
      const e = error as { name?: string; code?: string; message?: string };
      console.error(`unhandled error in ${req.method} ${new URL(req.url).pathname}: ${e.name ?? 'Error'} ${e.code ?? ''} ${(e.message ?? '').trim().split('\n')[0]?.slice(0, 200)}`);
      return NextResponse.json({ error: { code: 'internal', message: 'Something went wrong on the server. Your change was not saved; try again.' } }, { status: 500 });
    }
  };
}
