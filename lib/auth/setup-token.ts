// The one-time set-up token. `npm start` (scripts/start.mjs) generates a random one at each start
// (or takes FACTDESK_SETUP_TOKEN from the environment), prints the set-up link with it, and hands it
// to the server in FACTDESK_SETUP_TOKEN. Whoever reaches a fresh install first on the network cannot
// claim it without the link from the operator's terminal; once an admin exists, set-up is closed and
// the token is worthless.
import { createHash, timingSafeEqual } from 'node:crypto';

const MIN_TOKEN_LENGTH = 16;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function isSetupTokenConfigured(): boolean {
  return (process.env.FACTDESK_SETUP_TOKEN ?? '').length >= MIN_TOKEN_LENGTH;
}

/** Constant-time comparison (of digests, so lengths never leak either). */
export function isValidSetupToken(candidate: unknown): boolean {
  const expected = process.env.FACTDESK_SETUP_TOKEN ?? '';
  if (expected.length < MIN_TOKEN_LENGTH || typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 512) return false;
  return timingSafeEqual(digest(candidate), digest(expected));
}
