// Password hashing: Argon2id through @node-rs/argon2 (prebuilt native binaries from npm, no build
// step). bcrypt hashes from earlier installs still verify and are replaced with Argon2id at the next
// successful sign-in (bcrypt only reads the first 72 bytes of a password). See
// docs/decisions/011-accounts-hardening.md.
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

// OWASP's minimum Argon2id setting (19 MiB, 2 passes, 1 lane): about 30 ms per check here. Tests set
// ARGON2_MEMORY_KIB/ARGON2_TIME_COST low, as they set BCRYPT_COST before.
// Algorithm is a const enum, which isolated modules cannot read: 2 is its Argon2id member.
const ARGON2ID: Algorithm = 2;

function argonOptions() {
  return {
    algorithm: ARGON2ID,
    memoryCost: Number(process.env.ARGON2_MEMORY_KIB ?? 19_456),
    timeCost: Number(process.env.ARGON2_TIME_COST ?? 2),
    parallelism: 1,
  };
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, argonOptions());
}

export function isLegacyHash(stored: string): boolean {
  return /^\$2[aby]\$/.test(stored);
}

/** Checks a password against an Argon2id hash or a legacy bcrypt one. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (isLegacyHash(stored)) return bcrypt.compare(password, stored);
  if (!stored.startsWith('$argon2')) return false;
  return verify(stored, password);
}

let dummy: Promise<string> | null = null;

/** Spends the time of a real check, so response time does not reveal which emails have accounts. */
export async function spendVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('no account has this password');
  await verify(await dummy, password);
}
