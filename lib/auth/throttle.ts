// Sign-in throttling: at most 5 failed attempts per account and 20 per client address in 15 minutes.
// Kept in memory: one server process serves an install (docs/decisions/003-auth.md); a restart
// forgets the counts, which only ever makes sign-in easier for the legitimate user.
const WINDOW_MS = 15 * 60 * 1000;
const LIMITS = { account: 5, address: 20 };

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

export function isThrottled(email: string, address: string, now = Date.now()): boolean {
  return recent(`a:${email.toLowerCase()}`, now).length >= LIMITS.account || recent(`ip:${address}`, now).length >= LIMITS.address;
}

export function recordFailure(email: string, address: string, now = Date.now()): void {
  for (const key of [`a:${email.toLowerCase()}`, `ip:${address}`]) failures.set(key, [...recent(key, now), now]);
}

export function clearFailures(email: string): void {
  failures.delete(`a:${email.toLowerCase()}`);
}
