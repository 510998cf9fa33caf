// The one place that decides what a claim's state is, for every reader: the review screen, the API
// and every export format call `publicState`. A withdrawn rating (a claim rated, then dismissed) or
// a rating given on wording that has since changed (stale) must never be published as a rating, and
// an open claim must never look checked. See docs/decisions/008-verified-version.md.
import { DEFAULT_SCALE_ENTRIES, entryFor, ratingSlug, SCALE_ICONS, textColourOn, tintOf, type ScaleEntry } from './scale';

export type PublicStateKind = 'open' | 'awaiting' | 'rated' | 'dismissed' | 'stale';

export type PublicState = {
  kind: PublicStateKind;
  /** The rating's name as the scale now calls it: set only when kind is "rated". */
  rating: string | null;
  /** The rating's stable scale key (decision 032): set only when kind is "rated". */
  ratingKey?: string;
  /** ClaimReview ratingValue from the configured scale; null when the entry has none and for every other kind. */
  ratingValue: number | null;
  /** The words shown beside the colour, everywhere (screen, HTML, Markdown, CSV). */
  label: string;
  /** A symbol that carries the state in greyscale and print. */
  symbol: string;
  /** CSS token: "open", "stale", "dismissed" or the rating key's slug ("mostly-false"). */
  css: string;
  /** A rated claim's colours from the scale: line/symbol colour, a light tint, text on the colour. */
  tone?: { line: string; bg: string; text: string };
  /** A newer verdict than the one shown waits for an editor's approval (screen only; never exported). */
  pendingApproval?: boolean;
};

export type ClaimStateInput = {
  status: string;
  stale?: boolean;
  /** The latest verdict. */
  verdict: { id?: string; rating: string } | null;
  /**
   * When the article requires an editor's approval (decision 018), only the latest approved verdict
   * is published, and a newer verdict nobody approved yet shows as "awaiting approval".
   */
  approvalRequired?: boolean;
  approvedVerdict?: { id?: string; rating: string } | null;
};

export const OPEN_LABEL = 'Not yet checked';
export const STALE_LABEL = 'Wording changed: check again';
export const DISMISSED_LABEL = 'Not checkable';
export const AWAITING_LABEL = 'Awaiting approval';

// Each rating's symbol is its scale entry's icon, so two neighbours on the scale need not differ only
// by colour (greyscale, print, colour-blind readers). Open (○), stale (↻) and dismissed (–) use
// shapes no entry may use (lib/verdicts/scale.ts SCALE_ICONS).

/**
 * `scale` is the configured verdict scale (lib/db/verdict-scale.ts loads it); without it, the
 * default. A verdict whose key the scale no longer knows still shows, by its key, never as open.
 */
export function publicState(c: ClaimStateInput, scale: readonly ScaleEntry[] = DEFAULT_SCALE_ENTRIES): PublicState {
  const rated = (key: string) => ratedState(key, scale);
  // Stale first: whatever the claim said before, its review was of other words.
  if (c.stale) return { kind: 'stale', rating: null, ratingValue: null, label: STALE_LABEL, symbol: '↻', css: 'stale' };
  if (c.status === 'dismissed') return { kind: 'dismissed', rating: null, ratingValue: null, label: DISMISSED_LABEL, symbol: '–', css: 'dismissed' };
  if (c.approvalRequired) {
    // The current verdict is the latest approved one (PRODUCT.md); a newer one waits beside it.
    const approved = c.approvedVerdict ?? null;
    const latestApproved = Boolean(c.verdict && approved && approved.id === c.verdict.id);
    const pending = Boolean(c.verdict && c.status === 'reviewed' && !latestApproved);
    if (approved && c.status !== 'open') return { ...rated(approved.rating), ...(pending ? { pendingApproval: true } : {}) };
    if (pending) return { kind: 'awaiting', rating: null, ratingValue: null, label: AWAITING_LABEL, symbol: '⧗', css: 'awaiting' };
  } else if (c.verdict && (c.status === 'reviewed' || c.status === 'approved')) {
    return rated(c.verdict.rating);
  }
  return { kind: 'open', rating: null, ratingValue: null, label: OPEN_LABEL, symbol: '○', css: 'open' };
}

function ratedState(key: string, scale: readonly ScaleEntry[]): PublicState {
  const e = entryFor(scale, key);
  const base = { kind: 'rated' as const, ratingKey: key, css: ratingSlug(key) };
  if (!e) return { ...base, rating: key, ratingValue: null, label: key, symbol: '•' };
  return {
    ...base, rating: e.name, ratingValue: e.ratingValue, label: e.name, symbol: SCALE_ICONS[e.icon] ?? '•',
    tone: { line: e.colour, bg: tintOf(e.colour), text: textColourOn(e.colour) },
  };
}
