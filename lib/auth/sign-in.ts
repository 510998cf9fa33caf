// One sign-in attempt with throttling (policy: ./throttle.ts; counters: lib/db/throttle.ts).
// next-auth's authorize() calls this; the integration tests call it directly.
import 'server-only';
import { AppError } from '../api/errors';
import { clearAttempts, countAttempt, throttledUntil } from '../db/throttle';
import { verifySignIn, type SignedIn } from '../db/users';
import { signInRules, THROTTLE_WINDOW_MS, throttledMessage } from './throttle';

/** The account and session version, null for a wrong email or password, 429 when throttled. */
export async function attemptSignIn(email: string, password: string, address: string): Promise<SignedIn | null> {
  const rules = signInRules(email, address);
  const addressLocked = await throttledUntil([rules.address]);
  if (addressLocked) throw new AppError('too_many_requests', throttledMessage('sign-in', addressLocked));
  // Counted before the password is checked, so a burst of parallel guesses gets no extra tries.
  const attempt = await countAttempt(rules.accountAtAddress.key);
  if (attempt.count > rules.accountAtAddress.limit) {
    throw new AppError('too_many_requests', throttledMessage('sign-in', new Date(attempt.windowStart.getTime() + THROTTLE_WINDOW_MS)));
  }
  const signedIn = await verifySignIn(email, password);
  if (!signedIn) {
    await countAttempt(rules.address.key);
    return null;
  }
  await clearAttempts(rules.accountAtAddress.key);
  return signedIn;
}
