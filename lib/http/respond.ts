// The adapter between route handlers and the data layer: one place that turns AppError and zod
// errors into API.md's error shape, refuses cross-site writes, and never leaks internals.
import { NextResponse } from 'next/server';
import { AppError } from '../api/errors';
import { findUnsafeJson } from '../api/input-safety';
import { MAX_BODY_BYTES, readBody } from './body';
import { crossSiteReason, originPolicy, type OriginPolicy } from './origin';

export function errorResponse(error: AppError): NextResponse {
  return NextResponse.json(
    { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}), ...error.details } },
    { status: error.status },
  );
}

let policy: { key: string; value: OriginPolicy } | null = null;
function currentPolicy(): OriginPolicy {
  const key = `${process.env.NEXTAUTH_URL ?? ''}\n${process.env.FACTDESK_TRUSTED_PROXIES ?? ''}`;
  if (policy?.key !== key) policy = { key, value: originPolicy(process.env) };
  return policy.value;
}

/**
 * A cookie-authenticated write from another site is refused: a mismatched Origin means a page
 * elsewhere is riding the reviewer's session (lib/http/origin.ts says which origins are ours).
 */
export function assertSameOrigin(req: Request): void {
  const reason = crossSiteReason(req.headers, currentPolicy());
  if (reason) throw new AppError('forbidden', reason);
}

/** Parses a JSON body read through readBody's size limit (413 past `limit`, even when chunked). */
export async function readJson(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  if (!type.includes('application/json')) {
    throw new AppError('unsupported_format', 'Send JSON with Content-Type: application/json.');
  }
  const raw = await readBody(req, limit);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder('utf-8').decode(raw));
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
