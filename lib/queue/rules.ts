// The desk's queue rules (issue 10 item 2), pure so they can be tested with fixed clocks and shared
// by the queue API, the dashboard and the data layer.

/** A claim with no due time counts as overdue after this long in review with nothing happening. */
export const IN_REVIEW_IDLE_MS = 24 * 60 * 60_000;

/** Statuses in which a claim still waits for its reviewer. */
export const WAITING_STATUSES = ['open', 'in_review'] as const;

export type QueueClaimFacts = {
  status: string;
  dueAt: Date | string | null;
  /** When anything last happened to the claim (its row's updatedAt). */
  lastActivityAt: Date | string;
  archivedAt?: Date | string | null;
};

export type OverdueReason = 'past_due' | 'idle_in_review' | null;

const ms = (d: Date | string) => (typeof d === 'string' ? Date.parse(d) : d.getTime());

/**
 * Why a claim is overdue at `now`, or null. Past its due time while still waiting; or, without a due
 * time, 24 h in review with nothing happening: nothing should sit with an owner silently.
 */
export function overdueReason(c: QueueClaimFacts, now: Date): OverdueReason {
  if (c.archivedAt) return null;
  if (!(WAITING_STATUSES as readonly string[]).includes(c.status)) return null;
  if (c.dueAt !== null) return ms(c.dueAt) < now.getTime() ? 'past_due' : null;
  if (c.status === 'in_review' && now.getTime() - ms(c.lastActivityAt) > IN_REVIEW_IDLE_MS) return 'idle_in_review';
  return null;
}

export type QueueOrderFacts = { dueAt: Date | string | null; assignedAt: Date | string | null; createdAt: Date | string; id: string };

/** The queue's order: claims with a due time first (soonest first), then the longest waiting. */
export function compareQueue(a: QueueOrderFacts, b: QueueOrderFacts): number {
  if (a.dueAt !== null && b.dueAt !== null && ms(a.dueAt) !== ms(b.dueAt)) return ms(a.dueAt) - ms(b.dueAt);
  if ((a.dueAt === null) !== (b.dueAt === null)) return a.dueAt === null ? 1 : -1;
  const since = (c: QueueOrderFacts) => ms(c.assignedAt ?? c.createdAt);
  return since(a) - since(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
