// One sign-in attempt with throttling (policy: ./throttle.ts; counters: lib/db/throttle.ts).
// next-auth's authorize() calls this; the integration tests call it directly.
import 'server-only';
import { z } from 'zod';
import { AppError, parseInput } from '../api/errors';
import { clearAttempts, countAttempt, throttledUntil } from '../db/throttle';
import { replaceTemporaryPassword, verifySignIn, type SignedIn, type UserDto } from '../db/users';
import { PASSWORD_CHANGE_REQUIRED, temporaryPasswordExpiredMessage } from './messages';
import { isTemporaryPasswordExpired } from './temporary-password';
import { signInRules, THROTTLE_WINDOW_MS, throttledMessage } from './throttle';

/**
 * The account and session version, null for a wrong email or password, 429 when throttled, 403 when
 * the password is an admin's temporary one (no session until the account has chosen its own), 401
 * when that temporary password has expired.
 */
export async function attemptSignIn(email: string, password: string, address: string): Promise<SignedIn | null> {
  const signedIn = await checkCredentials(email, password, address);
  if (signedIn?.mustChangePassword) throw new AppError('forbidden', PASSWORD_CHANGE_REQUIRED);
  return signedIn;
}

/**
 * POST /api/account/password: the temporary password, checked under the same throttle as sign-in,
 * buys one thing: setting the account's own password. 401 for a wrong email or password.
 */
export async function changeTemporaryPassword(input: unknown, address: string): Promise<UserDto> {
  const { email, temporaryPassword, password } = parseInput(temporaryPasswordChangeSchema, input);
  const signedIn = await checkCredentials(email, temporaryPassword, address);
  if (!signedIn) throw new AppError('unauthenticated', 'Wrong email or temporary password. Check both and try again.');
  return replaceTemporaryPassword(signedIn, temporaryPassword, password);
}

const temporaryPasswordChangeSchema = z.object({
  email: z.string({ message: 'Enter your email address.' }).trim().toLowerCase().min(1, 'Enter your email address.').max(254),
  temporaryPassword: z.string({ message: 'Enter the temporary password.' }).min(1, 'Enter the temporary password.').max(200),
  // Checked by the password policy in lib/db/users.ts, with the account's email and name.
  password: z.unknown(),
});

async function checkCredentials(email: string, password: string, address: string): Promise<SignedIn | null> {
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
  // Only the holder of the right temporary password learns it expired: they need a new reset, not
  // another guess.
  if (signedIn.mustChangePassword && signedIn.temporaryPasswordExpiresAt && isTemporaryPasswordExpired(signedIn.temporaryPasswordExpiresAt)) {
    throw new AppError('unauthenticated', temporaryPasswordExpiredMessage(signedIn.temporaryPasswordExpiresAt));
  }
  return signedIn;
}
