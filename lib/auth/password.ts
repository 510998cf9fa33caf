// bcrypt (bcryptjs: pure JS, so no native build; cost 12 is ~250 ms here, slow enough for offline
// guessing and fast enough for a sign-in). See docs/decisions/003-auth.md.
import bcrypt from 'bcryptjs';

const COST = Number(process.env.BCRYPT_COST ?? 12);
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
