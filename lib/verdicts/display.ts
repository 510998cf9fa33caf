// How a claim's state is shown on the review screen: the word and symbol come from publicState (the
// same words every export prints), so colour is never the only cue and the screen never disagrees
// with an export (PRODUCT.md "The review screen").
import { AWAITING_LABEL, DISMISSED_LABEL, OPEN_LABEL, publicState, STALE_LABEL, type ClaimStateInput, type PublicStateKind } from './public-state';
import { RATINGS } from './scale';

export type ClaimState = ClaimStateInput;

export const stateLabel = (c: ClaimState): string => publicState(c).label;
export const stateSymbol = (c: ClaimState): string => publicState(c).symbol;
export const stateClass = (c: ClaimState): string => publicState(c).css;

/** The filters over a claim's own state; each claim is in exactly one besides "all". */
export type ClaimFilter = 'all' | 'open' | 'awaiting' | 'rated' | 'dismissed' | 'stale';

const KIND_OF_FILTER: Record<Exclude<ClaimFilter, 'all'>, PublicStateKind> = { open: 'open', awaiting: 'awaiting', rated: 'rated', dismissed: 'dismissed', stale: 'stale' };

export function matchesFilter(c: ClaimState, filter: ClaimFilter): boolean {
  return filter === 'all' || publicState(c).kind === KIND_OF_FILTER[filter];
}

export type StateCounts = { total: number; open: number; awaiting: number; rated: number; dismissed: number; stale: number; reviewed: number };

/**
 * One count for the progress bar and every filter. "Reviewed" is what an export would publish as
 * checked: rated or dismissed as not checkable; a stale claim (wording changed) is not reviewed, nor is
 * a verdict still awaiting an editor's approval.
 */
export function countStates(claims: ClaimState[]): StateCounts {
  const n = { total: claims.length, open: 0, awaiting: 0, rated: 0, dismissed: 0, stale: 0, reviewed: 0 };
  for (const c of claims) n[publicState(c).kind] += 1;
  n.reviewed = n.rated + n.dismissed;
  return n;
}

/** The key to the marks: every state's symbol and word, in scale order. */
export const STATE_LEGEND: Array<{ symbol: string; label: string; css: string }> = [
  ...RATINGS.map((rating) => publicState({ status: 'reviewed', verdict: { rating } })),
  publicState({ status: 'open', verdict: null }),
  publicState({ status: 'reviewed', verdict: { rating: 'True' }, approvalRequired: true, approvedVerdict: null }),
  publicState({ status: 'dismissed', verdict: null }),
  publicState({ status: 'open', stale: true, verdict: null }),
].map(({ symbol, label, css }) => ({ symbol, label, css }));

export { AWAITING_LABEL, DISMISSED_LABEL, OPEN_LABEL, STALE_LABEL };
