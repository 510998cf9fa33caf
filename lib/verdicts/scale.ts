// The verdict scale: the ratings a reviewer chooses from, their order, ClaimReview ratingValue,
// colour and icon. Admins edit it (decision 032); verdicts store an entry's stable `key`, so a rename
// relabels old verdicts and a new ratingValue applies to every export from then on. Pure: the data
// layer loads the entries and hands them in.
import type { ParsedScaleInput } from './scale-schema';

/**
 * The icons an entry may use: a fixed set of symbols, never HTML or a URL, so an admin's choice can be
 * printed anywhere as text. Open (○), stale (↻), dismissed (–) and awaiting (⧗) are not offered:
 * those shapes mean a claim is not rated.
 */
export const SCALE_ICONS = {
  check: '✓', up: '▲', approx: '≈', down: '▼', cross: '✗', question: '?',
  star: '★', exclamation: '!', diamond: '◆', square: '■', half: '◐', dot: '●',
} as const;
export type ScaleIcon = keyof typeof SCALE_ICONS;
export const ICON_NAMES = Object.keys(SCALE_ICONS) as [ScaleIcon, ...ScaleIcon[]];

export type ScaleEntry = {
  /** Stable: what Verdict.rating stores. The default six use the rating strings of before. */
  key: string;
  name: string;
  /** ClaimReview ratingValue; null publishes the rating by name only (like Unverifiable). */
  ratingValue: number | null;
  /** #rrggbb, dark enough to read on white (lines, symbols); text on it is derived. */
  colour: string;
  icon: ScaleIcon;
  /** Hidden from new choices; still labels the verdicts given with it. */
  retired: boolean;
};

export type VerdictScale = { version: number; entries: ScaleEntry[] };

// The scale every install starts with (PRODUCT.md); the migration seeds the same rows.
export const DEFAULT_SCALE_ENTRIES: readonly ScaleEntry[] = [
  { key: 'True', name: 'True', ratingValue: 5, colour: '#1d6b3a', icon: 'check', retired: false },
  { key: 'Mostly true', name: 'Mostly true', ratingValue: 4, colour: '#3d6b12', icon: 'up', retired: false },
  { key: 'Mixed', name: 'Mixed', ratingValue: 3, colour: '#8a5a00', icon: 'approx', retired: false },
  { key: 'Mostly false', name: 'Mostly false', ratingValue: 2, colour: '#9a3a0b', icon: 'down', retired: false },
  { key: 'False', name: 'False', ratingValue: 1, colour: '#a11d1d', icon: 'cross', retired: false },
  { key: 'Unverifiable', name: 'Unverifiable', ratingValue: null, colour: '#4b2a7a', icon: 'question', retired: false },
];
export const DEFAULT_SCALE: VerdictScale = { version: 1, entries: [...DEFAULT_SCALE_ENTRIES] };

/** The default ratings by key (kept for readers that predate the editable scale, e.g. the review archive). */
export const RATINGS = DEFAULT_SCALE_ENTRIES.map((v) => v.key) as [string, ...string[]];

export function entryFor(entries: readonly ScaleEntry[], key: string): ScaleEntry | undefined {
  return entries.find((e) => e.key === key);
}

/** The default scale's ratingValue for a key (null when unknown or unrated). */
export function ratingValue(key: string): number | null {
  return entryFor(DEFAULT_SCALE_ENTRIES, key)?.ratingValue ?? null;
}

/** A short stable token for CSS classes and data attributes: "Mostly false" -> "mostly-false". */
export function ratingSlug(rating: string): string {
  return rating.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * ClaimReview bestRating/worstRating, derived from every entry with a value (retired ones too: old
 * verdicts still publish theirs, and one file must use one range). Null when no entry has a value.
 */
export function ratingBounds(entries: readonly ScaleEntry[]): { bestRating: number; worstRating: number } | null {
  const values = entries.flatMap((e) => (e.ratingValue === null ? [] : [e.ratingValue]));
  return values.length ? { bestRating: Math.max(...values), worstRating: Math.min(...values) } : null;
}

/**
 * The key a reviewer's choice names: an active entry's key, or (for API clients that send what they
 * read) its current name, case-insensitively. A retired or unknown rating gets a message to act on.
 */
export function resolveRating(entries: readonly ScaleEntry[], chosen: string): { key: string } | { error: string } {
  const active = entries.filter((e) => !e.retired);
  const choices = `Choose a rating: ${active.map((e) => e.name).join(', ')}.`;
  const wanted = chosen.trim();
  const hit = entryFor(entries, wanted) ?? entries.find((e) => e.name.toLowerCase() === wanted.toLowerCase());
  if (!hit) return { error: choices };
  if (hit.retired) return { error: `“${hit.name}” is retired and no longer given. ${choices}` };
  return { key: hit.key };
}

/**
 * A history payload with `ratingName` beside its `rating` key: what the configured scale calls that
 * rating now, so the timeline and its CSV/JSON downloads follow renames (the stored row is unchanged).
 */
export function withRatingName(payload: unknown, entries: readonly ScaleEntry[]): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const rating = (payload as { rating?: unknown }).rating;
  if (typeof rating !== 'string') return payload;
  return { ...payload, ratingName: entryFor(entries, rating)?.name ?? rating };
}

// --- Colour -------------------------------------------------------------------------------------

export const HEX = /^#[0-9a-f]{6}$/;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two #rrggbb colours (1 .. 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text on a badge filled with the colour: black or white, whichever reads better (always ≥ 4.5:1). */
export function textColourOn(colour: string): '#000000' | '#ffffff' {
  return contrastRatio(colour, '#ffffff') >= contrastRatio(colour, '#000000') ? '#ffffff' : '#000000';
}

/** A light tint of the colour (12% over white) for highlighting a span of dark body text. */
export function tintOf(colour: string): string {
  return `#${[1, 3, 5].map((i) => Math.round(255 - (255 - parseInt(colour.slice(i, i + 2), 16)) * 0.12).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The stylesheet that colours each rating's marks, list items, legend and badges (`state-<slug>`
 * classes, globals.css reads --c-line/--c-bg/--c-text). A stylesheet rather than style attributes:
 * the app's CSP allows inline styles only in a <style> element carrying the page's nonce. Keys are
 * slugged to [a-z0-9-] and colours must be #rrggbb, so nothing an admin types can leave the rule.
 * The class is doubled to outrank globals.css's defaults for the six default ratings.
 */
export function scaleCss(entries: readonly ScaleEntry[]): string {
  return entries
    .filter((e) => HEX.test(e.colour))
    .map((e) => {
      const cls = `.state-${ratingSlug(e.key)}`;
      return `${cls}${cls}{--c-line:${e.colour};--c-bg:${tintOf(e.colour)};--c-text:${textColourOn(e.colour)}}`;
    })
    .join('\n');
}

/** CSS tokens the claim states use: a new rating's key never takes one (it would look like that state). */
const RESERVED_KEYS = ['open', 'stale', 'dismissed', 'awaiting', 'rated', 'symbol'];

/** Lines and symbols are drawn in the colour on white paper: WCAG's 3:1 for graphics. */
export const MIN_CONTRAST_ON_WHITE = 3;

// --- The admin's edit -------------------------------------------------------------------------------

// The zod schema of the admin's edit is in ./scale-schema.ts: this module is imported by client
// components, and a zod object schema built in the browser probes `eval`, which the page CSP refuses.

export type ScaleChange =
  | { kind: 'added'; key: string; after: ScaleEntry }
  | { kind: 'changed'; key: string; before: Partial<ScaleEntry>; after: Partial<ScaleEntry> }
  | { kind: 'deleted'; key: string; before: ScaleEntry };

const FIELDS = ['name', 'ratingValue', 'colour', 'icon', 'retired'] as const;

function newKey(name: string, taken: Set<string>): string {
  const base = ratingSlug(name).replace(/^-+|-+$/g, '') || 'rating';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}

/**
 * What an edit does to the scale: the new entries in order (new ones get a key from their name) and
 * one change per entry, for the history. `usage` counts verdicts per key: an entry in use cannot be
 * deleted, only retired. Returns a problem instead when the edit cannot be applied.
 */
export function planScaleEdit(current: readonly ScaleEntry[], input: ParsedScaleInput, usage: ReadonlyMap<string, number>):
  | { entries: ScaleEntry[]; changes: ScaleChange[]; moved: boolean }
  | { problem: 'unknown' | 'in-use'; message: string } {
  const byKey = new Map(current.map((e) => [e.key, e]));
  // Compared as CSS tokens: "Mostly true" and a new "mostly-true" would share one class.
  const taken = new Set([...current.map((e) => ratingSlug(e.key)), ...RESERVED_KEYS]);
  const entries: ScaleEntry[] = [];
  const changes: ScaleChange[] = [];
  // Nor may a new key be another entry's name (see scaleInputSchema): it would take that name's place.
  const names = input.entries.map((e) => e.name.toLowerCase());
  for (const [i, e] of input.entries.entries()) {
    const fields = { name: e.name, ratingValue: e.ratingValue, colour: e.colour, icon: e.icon, retired: e.retired };
    if (e.key === undefined) {
      const key = newKey(e.name, new Set([...taken, ...names.filter((_, j) => j !== i)]));
      taken.add(key);
      entries.push({ key, ...fields });
      changes.push({ kind: 'added', key, after: { key, ...fields } });
      continue;
    }
    const was = byKey.get(e.key);
    if (!was) return { problem: 'unknown', message: `No rating with key “${e.key}”: someone may have deleted it. Reload the scale.` };
    entries.push({ key: was.key, ...fields });
    const changed = FIELDS.filter((f) => was[f] !== fields[f]);
    if (changed.length) {
      changes.push({
        kind: 'changed', key: was.key,
        before: Object.fromEntries(changed.map((f) => [f, was[f]])), after: Object.fromEntries(changed.map((f) => [f, fields[f]])),
      });
    }
  }
  const kept = new Set(entries.map((e) => e.key));
  for (const was of current) {
    if (kept.has(was.key)) continue;
    const n = usage.get(was.key) ?? 0;
    if (n > 0) return { problem: 'in-use', message: `“${was.name}” is the rating of ${n} verdict${n === 1 ? '' : 's'} and cannot be deleted. Retire it instead: it disappears from new choices and old verdicts keep it.` };
    changes.push({ kind: 'deleted', key: was.key, before: was });
  }
  const order = (list: readonly ScaleEntry[]) => list.filter((e) => byKey.has(e.key) && kept.has(e.key)).map((e) => e.key).join('\n');
  return { entries, changes, moved: order(current) !== order(entries) };
}
