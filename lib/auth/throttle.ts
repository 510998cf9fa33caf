// Throttling policy (the counters live in the database: lib/db/throttle.ts, so every server process
// on one database shares them). Sign-in: 5 failures per account *and* address, so a stranger
// elsewhere cannot lock the owner out, and 20 failures per address across all accounts, so one client
// cannot spray many accounts. Set-up: 10 attempts per address while the install has no admin.
import { createHash } from 'node:crypto';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export type ThrottleRule = { key: string; limit: number };

// Hashed: the table needs only equality, and then holds no email addresses or client addresses.
function key(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('base64url');
}

export function signInRules(email: string, address: string): { accountAtAddress: ThrottleRule; address: ThrottleRule } {
  return {
    accountAtAddress: { key: key('signin', email.trim().toLowerCase(), address), limit: 5 },
    address: { key: key('signin-address', address), limit: 20 },
  };
}

export function setupRule(address: string): ThrottleRule {
  return { key: key('setup', address), limit: 10 };
}

export function throttledMessage(what: 'sign-in' | 'set-up', retryAt: Date, now = Date.now()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now) / 60_000));
  const wait = `Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again`;
  return what === 'sign-in' ? `Too many failed sign-in attempts. ${wait}, or ask an admin.` : `Too many set-up attempts from this address. ${wait}.`;
}
