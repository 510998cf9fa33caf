// Attempt counters for throttling (policy: lib/auth/throttle.ts), in the ThrottleCounter table so
// that every server process on the same database sees the same counts. Each key counts attempts in a
// fixed window that starts with its first attempt.
import 'server-only';
import { THROTTLE_WINDOW_MS, type ThrottleRule } from '../auth/throttle';
import { db } from './client';
import { isUniqueViolation } from './prisma-errors';

/** When the first of these rules that is over its limit lets requests through again, or null. */
export async function throttledUntil(rules: ThrottleRule[], now = new Date()): Promise<Date | null> {
  const rows = await db().throttleCounter.findMany({
    where: { key: { in: rules.map((r) => r.key) }, windowStart: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
    select: { key: true, count: true, windowStart: true },
  });
  let until: Date | null = null;
  for (const row of rows) {
    const rule = rules.find((r) => r.key === row.key);
    if (rule && row.count >= rule.limit) {
      const end = new Date(row.windowStart.getTime() + THROTTLE_WINDOW_MS);
      if (!until || end > until) until = end;
    }
  }
  return until;
}

/**
 * Counts one attempt and returns the count in the current window, atomically: of N racing attempts
 * each sees its own count, so a burst cannot slip past the limit together.
 */
export async function countAttempt(key: string, now = new Date(), retried = false): Promise<{ count: number; windowStart: Date }> {
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // Restart an expired window. The condition makes this happen once per window even under races.
  await db().throttleCounter.updateMany({ where: { key, windowStart: { lte: cutoff } }, data: { count: 0, windowStart: now } });
  try {
    const row = await db().throttleCounter.upsert({
      where: { key },
      create: { key, count: 1, windowStart: now },
      update: { count: { increment: 1 } },
      select: { count: true, windowStart: true },
    });
    // A new window: a good moment to drop long-expired ones, so the table never grows unbounded.
    if (row.count === 1) await pruneAttempts(now);
    return row;
  } catch (e) {
    // Two first attempts raced to create the row; the loser now finds it and increments.
    if (!retried && isUniqueViolation(e)) return countAttempt(key, now, true);
    throw e;
  }
}

export async function clearAttempts(key: string): Promise<void> {
  await db().throttleCounter.deleteMany({ where: { key } });
}

/** Drops windows that ended long ago; called now and then so the table stays small. */
export async function pruneAttempts(now = new Date()): Promise<number> {
  const { count } = await db().throttleCounter.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
  return count;
}
