import { AppError } from '../api/errors';
import { currentActor } from '../auth/session';
import type { Actor } from '../auth/permissions';
import { MAX_BODY_BYTES } from './body';

/** The signed-in account, or 401. Role checks happen in the data layer. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  return actor;
}

/**
 * Refuses a body whose Content-Length is over the limit before reading it. A quick early answer
 * only: chunked bodies send no length, so readBody (lib/http/body.ts) is what enforces the limit.
 */
export function assertBodySize(req: Request): void {
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError('too_large', 'The request is larger than 12 MB. Articles may hold at most 1 MB of text.');
}
