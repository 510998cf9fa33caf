// How a claim's state is shown: a word and a symbol as well as a colour, so it reads in greyscale,
// for colour-blind readers and on printouts (PRODUCT.md "The review screen").
import { ratingSlug } from './scale';

export type ClaimState = { status: string; verdict: { rating: string } | null };

export function stateLabel(c: ClaimState): string {
  if (c.status === 'dismissed') return 'Not checkable';
  if (c.verdict) return c.verdict.rating;
  return c.status === 'in_review' ? 'In review' : 'Open';
}

export function stateSymbol(c: ClaimState): string {
  if (c.status === 'dismissed') return '–';
  switch (c.verdict?.rating) {
    case 'True': case 'Mostly true': return '✓';
    case 'Mixed': return '≈';
    case 'Mostly false': case 'False': return '✗';
    case 'Unverifiable': return '?';
    default: return '○';
  }
}

/** CSS token: "open", "dismissed" or the verdict's slug ("mostly-false"). */
export function stateClass(c: ClaimState): string {
  if (c.status === 'dismissed') return 'dismissed';
  return c.verdict ? ratingSlug(c.verdict.rating) : 'open';
}

export type ClaimFilter = 'all' | 'open' | 'reviewed' | 'dismissed';

export function matchesFilter(c: ClaimState, filter: ClaimFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'dismissed') return c.status === 'dismissed';
  if (filter === 'reviewed') return c.status === 'reviewed' || c.status === 'approved';
  return c.status === 'open' || c.status === 'in_review';
}
