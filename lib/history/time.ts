// One way to show a moment everywhere a person reads one: relative ("3 min ago") with the exact
// time, always in UTC so the server's render and the browser's agree and two reviewers in
// different time zones quote the same time to each other.
const EXACT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC',
});
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "25 Nov 2026, 14:03 UTC" */
export function formatExact(iso: string): string {
  return `${EXACT.format(new Date(iso))} UTC`;
}

/** "25 Nov 2026" */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "3 min ago", "5 h ago", "yesterday", "4 days ago"; older than a month, the date.
 * Hand-written rather than Intl.RelativeTimeFormat: the server and the browser must print the same
 * words for the same instant (hydration), and ICU versions differ in their short forms.
 */
export function formatRelative(iso: string, now: number): string {
  const ms = now - new Date(iso).getTime();
  // A clock a little ahead of the server's must not say "in 2 seconds".
  if (ms < 45_000) return 'just now';
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))} min ago`;
  if (ms < DAY) return `${Math.round(ms / HOUR)} h ago`;
  const days = Math.floor(ms / DAY);
  if (days === 1) return 'yesterday';
  if (days < 31) return `${days} days ago`;
  return formatDate(iso);
}
