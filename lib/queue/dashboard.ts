// The desk dashboard's numbers (issue 10 item 8), pure: lib/db/queue.ts gathers the rows.
import { DEFAULT_SCALE_ENTRIES, type ScaleEntry } from '../verdicts/scale';

export type DeskStats = {
  /** Every rating on the scale in scale order, with how many claims currently carry it. */
  verdicts: Array<{ rating: string; count: number; colour?: string }>;
  /** Claims still waiting per owner; `reviewer` null is the row of claims nobody owns. */
  reviewers: Array<{ reviewer: { id: string; name: string } | null; open: number; inReview: number; overdue: number }>;
  /** Median time from an article's load to a claim's first approval, or null with no approvals yet. */
  approval: { medianMs: number | null; approved: number };
};

export type DeskInput = {
  waiting: Array<{ status: string; assignee: { id: string; name: string } | null; overdue: boolean }>;
  /** The latest verdict's scale key per claim. */
  ratings: string[];
  /** The configured scale (decision 032): its names and order; the default without. */
  scale?: readonly ScaleEntry[];
  approvals: Array<{ claimId: string; loadedAt: Date; approvedAt: Date }>;
};

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function deskStats(input: DeskInput): DeskStats {
  const counts = new Map<string, number>();
  for (const r of input.ratings) counts.set(r, (counts.get(r) ?? 0) + 1);
  // By the scale's current names, in its order; a retired rating shows while claims still carry it,
  // and a key no longer on the scale still counts, after the scale's own.
  const scale = input.scale ?? DEFAULT_SCALE_ENTRIES;
  const known = new Set(scale.map((e) => e.key));
  const extra = [...counts.keys()].filter((r) => !known.has(r)).sort();
  const verdicts = [
    ...scale.filter((e) => !e.retired || counts.has(e.key)).map((e) => ({ rating: e.name, count: counts.get(e.key) ?? 0, colour: e.colour })),
    ...extra.map((rating) => ({ rating, count: counts.get(rating) ?? 0 })),
  ];

  const byOwner = new Map<string, DeskStats['reviewers'][number]>();
  for (const c of input.waiting) {
    const key = c.assignee?.id ?? '';
    const row = byOwner.get(key) ?? { reviewer: c.assignee, open: 0, inReview: 0, overdue: 0 };
    if (c.status === 'open') row.open += 1;
    else row.inReview += 1;
    if (c.overdue) row.overdue += 1;
    byOwner.set(key, row);
  }
  // Most overdue first; nobody's claims last, so the unowned pile is never lost in the middle.
  const reviewers = [...byOwner.values()].sort((a, b) =>
    (a.reviewer === null ? 1 : 0) - (b.reviewer === null ? 1 : 0) || b.overdue - a.overdue
    || (a.reviewer?.name ?? '').localeCompare(b.reviewer?.name ?? ''));

  // A claim approved twice (sent back, approved again) counts from its first approval.
  const first = new Map<string, number>();
  for (const a of input.approvals) {
    const ms = a.approvedAt.getTime() - a.loadedAt.getTime();
    if (!first.has(a.claimId) || ms < first.get(a.claimId)!) first.set(a.claimId, ms);
  }
  return { verdicts, reviewers, approval: { medianMs: median([...first.values()]), approved: first.size } };
}

/** "3 h 20 min", "2 d 4 h": a duration a person reads at a glance. */
export function formatDuration(ms: number): string {
  const min = Math.round(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h${min % 60 ? ` ${min % 60} min` : ''}`;
  return `${Math.floor(h / 24)} d${h % 24 ? ` ${h % 24} h` : ''}`;
}
