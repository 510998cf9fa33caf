// The one place that decides what a claim's state is, for every reader: the review screen, the API
// and every export format call `publicState`. A withdrawn rating (a claim rated, then dismissed) or
// a rating given on wording that has since changed (stale) must never be published as a rating, and
// an open claim must never look checked. See docs/decisions/008-verified-version.md.
import { ratingSlug, ratingValue } from './scale';

export type PublicStateKind = 'open' | 'rated' | 'dismissed' | 'stale';

export type PublicState = {
  kind: PublicStateKind;
  /** The rating a reader may be shown: set only when kind is "rated". */
  rating: string | null;
  /** ClaimReview ratingValue (1 worst .. 5 best); null for Unverifiable and for every other kind. */
  ratingValue: number | null;
  /** The words shown beside the colour, everywhere (screen, HTML, Markdown, CSV). */
  label: string;
  /** A symbol that carries the state in greyscale and print. */
  symbol: string;
  /** CSS token: "open", "stale", "dismissed" or the rating's slug ("mostly-false"). */
  css: string;
};

export type ClaimStateInput = { status: string; stale?: boolean; verdict: { rating: string } | null };

export const OPEN_LABEL = 'Not yet checked';
export const STALE_LABEL = 'Wording changed: check again';
export const DISMISSED_LABEL = 'Not checkable';

// One shape per verdict, so two neighbours on the scale never differ only by colour (greyscale,
// print, colour-blind readers): the leaning verdicts point the way they lean. Open (○), stale (↻)
// and dismissed (–) use shapes no rating uses.
const SYMBOLS: Record<string, string> = {
  True: '✓', 'Mostly true': '▲', Mixed: '≈', 'Mostly false': '▼', False: '✗', Unverifiable: '?',
};

export function publicState(c: ClaimStateInput): PublicState {
  // Stale first: whatever the claim said before, its review was of other words.
  if (c.stale) return { kind: 'stale', rating: null, ratingValue: null, label: STALE_LABEL, symbol: '↻', css: 'stale' };
  if (c.status === 'dismissed') return { kind: 'dismissed', rating: null, ratingValue: null, label: DISMISSED_LABEL, symbol: '–', css: 'dismissed' };
  if (c.verdict && (c.status === 'reviewed' || c.status === 'approved')) {
    const rating = c.verdict.rating;
    return { kind: 'rated', rating, ratingValue: ratingValue(rating), label: rating, symbol: SYMBOLS[rating] ?? '•', css: ratingSlug(rating) };
  }
  return { kind: 'open', rating: null, ratingValue: null, label: OPEN_LABEL, symbol: '○', css: 'open' };
}
