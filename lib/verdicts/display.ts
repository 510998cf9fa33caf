// How a claim's state is shown on the review screen: the word and symbol come from publicState (the
// same words every export prints), so colour is never the only cue and the screen never disagrees
// with an export (PRODUCT.md "The review screen").
import { publicState, type ClaimStateInput } from './public-state';

export type ClaimState = ClaimStateInput;

export const stateLabel = (c: ClaimState): string => publicState(c).label;
export const stateSymbol = (c: ClaimState): string => publicState(c).symbol;
export const stateClass = (c: ClaimState): string => publicState(c).css;

export type ClaimFilter = 'all' | 'open' | 'reviewed' | 'dismissed' | 'stale';

export function matchesFilter(c: ClaimState, filter: ClaimFilter): boolean {
  if (filter === 'all') return true;
  const kind = publicState(c).kind;
  if (filter === 'reviewed') return kind === 'rated';
  return kind === filter;
}
