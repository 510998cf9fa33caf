// How a claim's state is shown on the review screen: the word and symbol come from publicState (the
// same words every export prints), so colour is never the only cue and the screen never disagrees
// with an export (PRODUCT.md "The review screen").
import { AWAITING_LABEL, DISMISSED_LABEL, OPEN_LABEL, publicState, STALE_LABEL, type ClaimStateInput, type PublicState, type PublicStateKind } from './public-state';
import { DEFAULT_SCALE_ENTRIES, type ScaleEntry } from './scale';

/** A claim as the screen holds it: the server's publicState (worked out with the configured scale) when sent. */
export type ClaimState = ClaimStateInput & { publicState?: PublicState };

// The server's answer wins: it knows the configured scale's names, colours and icons (decision 032).
const stateOf = (c: ClaimState): PublicState => c.publicState ?? publicState(c);

export const stateLabel = (c: ClaimState): string => stateOf(c).label;
export const stateSymbol = (c: ClaimState): string => stateOf(c).symbol;
export const stateClass = (c: ClaimState): string => stateOf(c).css;

/** The filters over a claim's own state; each claim is in exactly one besides "all". */
export type ClaimFilter = 'all' | 'open' | 'awaiting' | 'rated' | 'dismissed' | 'stale';

const KIND_OF_FILTER: Record<Exclude<ClaimFilter, 'all'>, PublicStateKind> = { open: 'open', awaiting: 'awaiting', rated: 'rated', dismissed: 'dismissed', stale: 'stale' };

export function matchesFilter(c: ClaimState, filter: ClaimFilter): boolean {
  return filter === 'all' || stateOf(c).kind === KIND_OF_FILTER[filter];
}

export type StateCounts = { total: number; open: number; awaiting: number; rated: number; dismissed: number; stale: number; reviewed: number };

/**
 * One count for the progress bar and every filter. "Reviewed" is what an export would publish as
 * checked: rated or dismissed as not checkable; a stale claim (wording changed) is not reviewed, nor is
 * a verdict still awaiting an editor's approval.
 */
export function countStates(claims: ClaimState[]): StateCounts {
  const n = { total: claims.length, open: 0, awaiting: 0, rated: 0, dismissed: 0, stale: 0, reviewed: 0 };
  for (const c of claims) n[stateOf(c).kind] += 1;
  n.reviewed = n.rated + n.dismissed;
  return n;
}

/** The key to the marks: every rating a reviewer can give, in scale order, then the other states. */
export function stateLegend(scale: readonly ScaleEntry[] = DEFAULT_SCALE_ENTRIES): Array<{ symbol: string; label: string; css: string }> {
  return [
    ...scale.filter((e) => !e.retired).map((e) => publicState({ status: 'reviewed', verdict: { rating: e.key } }, scale)),
    publicState({ status: 'open', verdict: null }),
    publicState({ status: 'reviewed', verdict: { rating: '' }, approvalRequired: true, approvedVerdict: null }),
    publicState({ status: 'dismissed', verdict: null }),
    publicState({ status: 'open', stale: true, verdict: null }),
  ].map(({ symbol, label, css }) => ({ symbol, label, css }));
}
export const STATE_LEGEND = stateLegend();

export { AWAITING_LABEL, DISMISSED_LABEL, OPEN_LABEL, STALE_LABEL };
