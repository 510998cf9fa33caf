// How long an admin's temporary password (decision 016) works: a reset that is never used should not
// stay a way into the account for ever (decision 037). Pure: the data layer stores the deadline, the
// sign-in checks it.

export const DEFAULT_TEMPORARY_PASSWORD_HOURS = 24;
const MAX_TEMPORARY_PASSWORD_HOURS = 24 * 30;

/**
 * FACTDESK_TEMPORARY_PASSWORD_HOURS, or 24. A value that is not a number of hours from a minute to
 * 30 days is an operator's typo: refused with a message rather than read as "never expires".
 */
export function temporaryPasswordHours(value = process.env.FACTDESK_TEMPORARY_PASSWORD_HOURS): number {
  if (value === undefined || value.trim() === '') return DEFAULT_TEMPORARY_PASSWORD_HOURS;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours < 1 / 60 || hours > MAX_TEMPORARY_PASSWORD_HOURS) {
    throw new Error(`FACTDESK_TEMPORARY_PASSWORD_HOURS must be a number of hours between 0.02 (a minute) and ${MAX_TEMPORARY_PASSWORD_HOURS} (30 days); it is "${value}".`);
  }
  return hours;
}

/** When a temporary password set at `now` stops working. */
export function temporaryPasswordExpiry(now = new Date(), hours = temporaryPasswordHours()): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

/** Null (a reset from before expiry existed) never expires; otherwise expired from the deadline on. */
export function isTemporaryPasswordExpired(expiresAt: Date | null, now = new Date()): boolean {
  return expiresAt !== null && now.getTime() >= expiresAt.getTime();
}
