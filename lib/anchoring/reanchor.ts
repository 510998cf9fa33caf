// Re-anchoring claims from one draft of an article to the next (docs/decisions/007-anchoring.md).
//
// The two drafts are diffed once (word level, diff-match-patch) and every claim's span is mapped
// through the diff. That is what makes 500 claims cost about one diff rather than 500 searches, and
// it is what tells a claim apart from a near-identical sentence elsewhere: the diff knows which text
// is old and which is new. Search (exact first, then fuzzy with approx-string-match, scored by ~32
// characters of context like Hypothesis) is only used for claims whose text the diff lost, and
// only over text the diff says is new, so a claim never jumps onto a sentence that was already there.
import approxSearch from 'approx-string-match';
import { splitSentences } from '../claims/sentences';
import { diffTokens, type DiffSegment } from './diff';

export type Anchor = {
  id: string;
  /** Offsets into oldText (JavaScript string offsets). */
  start: number;
  end: number;
  /** === oldText.slice(start, end) */
  quote: string;
  /** Up to 60 characters before / after the quote in oldText; the 32 nearest are used. */
  contextBefore: string;
  contextAfter: string;
};

export type AnchorResult =
  /** newText.slice(start, end) === quote exactly. moved: found elsewhere than where the edits put its old text (a moved paragraph). */
  | { id: string; status: 'kept'; start: number; end: number; moved: boolean }
  /** quote === newText.slice(start, end), the best new span. 'edited': its wording changed; 'ambiguous': two places scored close, a reviewer must pick. */
  | { id: string; status: 'stale'; start: number; end: number; quote: string; reason: 'edited' | 'ambiguous'; moved: boolean }
  /** Its text is gone from the new draft. */
  | { id: string; status: 'removed' };

/** The thresholds, named once so the tests and the decision record use the same numbers. */
export const ANCHORING = {
  /** Characters of context before/after the quote compared when scoring a candidate place. */
  contextChars: 32,
  /**
   * An edited claim stays `stale` (same claim, new wording) when at least this share of its
   * non-space characters is untouched by the edits; below it the claim's text is treated as gone
   * and it is `removed` unless search finds it elsewhere.
   */
  staleMinSurvival: 0.5,
  /** Fuzzy search accepts a place with at most this share of the quote's length in edits. */
  fuzzyMaxErrorRate: 0.25,
  /** Two candidate places whose scores (0..1) differ by less than this are ambiguous. */
  ambiguityMargin: 0.05,
} as const;

// Hypothesis's weights (match-quote.ts): the quote dominates, context decides between places of the
// same quote, position only breaks ties.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;
const MAX_OCCURRENCES = 1000;

type Piece = { changed: boolean; oldStart: number; oldEnd: number; newStart: number; newEnd: number };
type Candidate = { start: number; end: number; errors: number };
type Scored = Candidate & { score: number; inPlace: boolean };

const WS_RE = /\s/u;
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const WORDS_RE = /[\p{L}\p{M}\p{N}]{3,}/gu;

/** Equal runs and change blocks (a delete and/or insert between two equal runs), in text order. */
function toPieces(segments: DiffSegment[]): Piece[] {
  const pieces: Piece[] = [];
  for (const s of segments) {
    const changed = s.op !== 'equal';
    const last = pieces[pieces.length - 1];
    if (last && changed && last.changed) {
      last.oldEnd = s.oldEnd;
      last.newEnd = s.newEnd;
    } else {
      pieces.push({ changed, oldStart: s.oldStart, oldEnd: s.oldEnd, newStart: s.newStart, newEnd: s.newEnd });
    }
  }
  return pieces;
}

/** First index whose `key` end is > pos (pieces are sorted in both texts). */
function firstEndingAfter(pieces: Piece[], pos: number, side: 'old' | 'new'): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const end = side === 'old' ? pieces[mid]!.oldEnd : pieces[mid]!.newEnd;
    if (end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

type Mapped = {
  /** Some edit overlaps the span, or inserts text strictly inside it. */
  touched: boolean;
  /** Non-space characters of the span outside any edit. */
  surviving: number;
  /** New-text positions of the first and last untouched characters (-1 when none). */
  firstSurvivor: number;
  lastSurvivor: number;
  /** The span's image in new text, widened to whole edits where an edit covers an end. */
  start: number;
  end: number;
};

/** Maps old-text [s, e) through the diff. */
function mapSpan(pieces: Piece[], oldText: string, s: number, e: number): Mapped {
  const m: Mapped = { touched: false, surviving: 0, firstSurvivor: -1, lastSurvivor: -1, start: -1, end: -1 };
  for (let i = firstEndingAfter(pieces, s, 'old'); i < pieces.length && pieces[i]!.oldStart < e; i++) {
    const p = pieces[i]!;
    const from = Math.max(s, p.oldStart);
    const to = Math.min(e, p.oldEnd);
    if (m.start < 0) m.start = p.changed ? p.newStart : s - p.oldStart + p.newStart;
    if (to >= e) m.end = p.changed ? p.newEnd : e - p.oldStart + p.newStart;
    if (p.changed) {
      m.touched = true;
      continue;
    }
    m.surviving += countNonSpace(oldText, from, to);
    if (m.firstSurvivor < 0) m.firstSurvivor = from - p.oldStart + p.newStart;
    m.lastSurvivor = to - 1 - p.oldStart + p.newStart;
  }
  return m;
}

function countNonSpace(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (!WS_RE.test(text[i]!)) n++;
  return n;
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i !== -1 && out.length < MAX_OCCURRENCES; i = text.indexOf(quote, i + 1)) out.push(i);
  return out;
}

/** 0..1: how closely `expected` appears in `actual` (1 - edit distance / length), as Hypothesis scores context. */
function similarity(actual: string, expected: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0;
  if (actual.length === 0) return 0;
  const best = approxSearch(actual, expected, expected.length)[0];
  return best ? 1 - best.errors / expected.length : 0;
}

function validate(oldText: string, a: Anchor): void {
  const ok = Number.isInteger(a.start) && Number.isInteger(a.end) && a.start >= 0 && a.start < a.end && a.end <= oldText.length;
  if (!ok) throw new RangeError(`anchor ${a.id}: span ${a.start}-${a.end} is empty or outside the old text (length ${oldText.length})`);
  if (oldText.slice(a.start, a.end) !== a.quote) {
    throw new RangeError(`anchor ${a.id}: quote does not match the old text at ${a.start}-${a.end}`);
  }
}

/** Re-anchors each claim of oldText to newText; results are in the order of `anchors`. Pure and deterministic. */
export function reanchor(oldText: string, newText: string, anchors: Anchor[]): AnchorResult[] {
  for (const a of anchors) validate(oldText, a);
  const pieces = toPieces(diffTokens(oldText, newText));
  let sentences: Array<{ start: number; end: number }> | null = null;

  /** Share of new-text [a, b) that the diff says is new (0 = all of it was already there). */
  const insertedShare = (a: number, b: number): number => {
    let inserted = 0;
    for (let i = firstEndingAfter(pieces, a, 'new'); i < pieces.length && pieces[i]!.newStart < b; i++) {
      const p = pieces[i]!;
      if (p.changed) inserted += Math.max(0, Math.min(b, p.newEnd) - Math.max(a, p.newStart));
    }
    return b > a ? inserted / (b - a) : 0;
  };

  const sentenceAt = (pos: number): { start: number; end: number } | undefined => {
    sentences ??= splitSentences(newText);
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end > pos) hi = mid;
      else lo = mid + 1;
    }
    const s = sentences[lo];
    return s && s.start <= pos ? s : undefined;
  };

  /**
   * The new wording of an edited span: its image including every edit that touches it, but not
   * spilling into a neighbouring sentence that the same edit also rewrote. `offset` shifts a map
   * made against a slice of new text.
   */
  const editedSpan = (m: Mapped, offset = 0): { start: number; end: number } | null => {
    if (m.firstSurvivor < 0) return null;
    let start = m.start + offset;
    let end = m.end + offset;
    const first = sentenceAt(m.firstSurvivor + offset);
    const last = sentenceAt(m.lastSurvivor + offset);
    if (first) start = Math.max(start, first.start);
    if (last) end = Math.min(end, last.end);
    while (start < end && WS_RE.test(newText[start]!)) start++;
    while (end > start && WS_RE.test(newText[end - 1]!)) end--;
    return end > start ? { start, end } : null;
  };

  const score = (a: Anchor, c: Candidate, hint: number, image: { start: number; end: number }): Scored => {
    const n = ANCHORING.contextChars;
    const before = a.contextBefore.slice(-n);
    const after = a.contextAfter.slice(0, n);
    const prefix = similarity(newText.slice(Math.max(0, c.start - before.length), c.start), before);
    const suffix = similarity(newText.slice(c.end, c.end + after.length), after);
    const quoteScore = 1 - c.errors / a.quote.length;
    const position = 1 - Math.abs(c.start - hint) / Math.max(1, newText.length);
    const raw = W_QUOTE * quoteScore + W_PREFIX * prefix + W_SUFFIX * suffix + W_POSITION * position;
    const inPlace = c.start < image.end && c.end > image.start;
    return { ...c, score: raw / (W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION), inPlace };
  };

  let wordIndex: Map<string, number[]> | null = null;
  /**
   * Stretches of new text worth a fuzzy search for `quote`: where at least a third of its distinct
   * words (3+ letters) occur within one and a half quote lengths, and at least `minNew`
   * characters are new. A filter before the costly search (approx-string-match scans every
   * character it is given): editors change words, so a reworded sentence keeps most of its words.
   */
  const fuzzyWindows = (quote: string, minNew: number): Array<{ from: number; to: number }> => {
    if (!wordIndex) {
      wordIndex = new Map();
      for (const m of newText.matchAll(WORDS_RE)) {
        const list = wordIndex.get(m[0]);
        if (list) list.push(m.index);
        else wordIndex.set(m[0], [m.index]);
      }
    }
    const words = [...new Set(quote.match(WORDS_RE) ?? [])];
    if (words.length === 0) return [];
    const need = Math.max(1, Math.ceil(words.length / 3));
    const hits: Array<{ at: number; word: number }> = [];
    words.forEach((w, word) => {
      for (const at of wordIndex!.get(w) ?? []) hits.push({ at, word });
    });
    hits.sort((x, y) => x.at - y.at);
    const span = Math.ceil(quote.length * 1.5);
    const windows: Array<{ from: number; to: number }> = [];
    const inWindow = new Map<number, number>();
    let lo = 0;
    for (let hi = 0; hi < hits.length; hi++) {
      inWindow.set(hits[hi]!.word, (inWindow.get(hits[hi]!.word) ?? 0) + 1);
      while (hits[hi]!.at - hits[lo]!.at > span) {
        const w = hits[lo++]!.word;
        const n = inWindow.get(w)! - 1;
        if (n === 0) inWindow.delete(w);
        else inWindow.set(w, n);
      }
      if (inWindow.size < need) continue;
      const from = Math.max(0, hits[lo]!.at - quote.length);
      const to = Math.min(newText.length, hits[hi]!.at + quote.length);
      const last = windows[windows.length - 1];
      if (last && from <= last.to) last.to = Math.max(last.to, to);
      else windows.push({ from, to });
    }
    return windows.filter((w) => insertedShare(w.from, w.to) * (w.to - w.from) >= minNew);
  };

  /** Places in new text where the quote's words appear with few edits, at least half of them new. */
  const fuzzyCandidates = (quote: string): Candidate[] => {
    const maxErrors = Math.floor(quote.length * ANCHORING.fuzzyMaxErrorRate);
    const minNew = Math.ceil((quote.length - maxErrors) / 2);
    const found: Candidate[] = [];
    const searchIn = (from: number, to: number, depth: number): void => {
      if (to - from < quote.length - maxErrors) return;
      const matches = approxSearch(newText.slice(from, to), quote, maxErrors);
      let prevEnd = -1;
      for (const m of matches) {
        if (m.start < prevEnd) continue; // same place, one character longer or shorter
        prevEnd = m.end;
        found.push({ start: from + m.start, end: from + m.end, errors: m.errors });
      }
      // approx-string-match returns only the lowest-error places; look either side of the first
      // one for a runner-up, so that two similar places are compared instead of one being missed.
      const first = matches[0];
      if (first && depth === 0) {
        searchIn(from, from + first.start, 1);
        searchIn(from + first.end, to, 1);
      }
    };
    for (const w of fuzzyWindows(quote, minNew)) searchIn(w.from, w.to, 0);
    // approx-string-match aligns characters, so a match can end mid-phrase ("killed at least" for
    // "killed 87 people." after "at least" was inserted). Aligning the quote's words to the text
    // around the match gives the whole edited wording, as for an edit in place.
    const pad = maxErrors + ANCHORING.contextChars;
    const refine = (c: Candidate): Candidate => {
      const from = Math.max(0, c.start - pad);
      const local = mapSpan(toPieces(diffTokens(quote, newText.slice(from, Math.min(newText.length, c.end + pad)))), quote, 0, quote.length);
      const span = editedSpan(local, from);
      return span ? { ...span, errors: c.errors } : snapToWords(newText, c);
    };
    return found
      .map(refine)
      .filter((c, i, all) => c.end > c.start && all.findIndex((o) => o.start === c.start && o.end === c.end) === i)
      .filter((c) => insertedShare(c.start, c.end) >= 0.5);
  };

  /** Chooses among candidate places for a touched claim; null when there are none. */
  const choose = (a: Anchor, candidates: Candidate[], exact: boolean, image: { start: number; end: number }): AnchorResult | null => {
    if (candidates.length === 0) return null;
    const scored = candidates.map((c) => score(a, c, image.start, image)).sort((x, y) => y.score - x.score || x.start - y.start);
    const best = scored[0]!;
    const second = scored[1];
    const span = { start: best.start, end: best.end, quote: newText.slice(best.start, best.end), moved: !best.inPlace };
    // Two places that score close, or two copies side by side (each is the other's context): a
    // reviewer decides. This is where Hypothesis silently picks one.
    if (second && (best.score - second.score < ANCHORING.ambiguityMargin || scored.slice(1).some((o) => near(o, best)))) {
      return { id: a.id, status: 'stale', ...span, reason: 'ambiguous' };
    }
    if (exact) return { id: a.id, status: 'kept', start: best.start, end: best.end, moved: span.moved };
    return { id: a.id, status: 'stale', ...span, reason: 'edited' };
  };

  /**
   * Exact copies of the quote in new text, where the claim's text was or in new text, that are not
   * part of a longer word or number ("killed 87" inside "killed 870" is not the quote).
   */
  const copies = (a: Anchor): number[] => {
    const startJoined = isJoined(oldText, a.start);
    const endJoined = isJoined(oldText, a.end);
    return occurrences(newText, a.quote).filter((p) => isJoined(newText, p) === startJoined && isJoined(newText, p + a.quote.length) === endJoined);
  };
  const exactCandidates = (a: Anchor, image: { start: number; end: number }): Candidate[] =>
    copies(a)
      .filter((p) => (p < image.end && p + a.quote.length > image.start) || insertedShare(p, p + a.quote.length) > 0)
      .map((p) => ({ start: p, end: p + a.quote.length, errors: 0 }));

  return anchors.map((a): AnchorResult => {
    const m = mapSpan(pieces, oldText, a.start, a.end);
    const image = { start: m.start, end: m.end };

    if (!m.touched) {
      const kept = { start: m.start, end: m.start + a.quote.length };
      // A fresh copy of the quote elsewhere (a pasted duplicate) competes on context; if it scores
      // close, a reviewer decides rather than us trusting the diff's choice of copy.
      const rivals = copies(a).filter((p) => p !== kept.start && insertedShare(p, p + a.quote.length) > 0);
      if (rivals.length > 0) {
        const mine = score(a, { ...kept, errors: 0 }, kept.start, image).score;
        const others = rivals.map((p) => ({ start: p, end: p + a.quote.length }));
        const best = Math.max(...others.map((o) => score(a, { ...o, errors: 0 }, kept.start, image).score));
        if (best >= mine - ANCHORING.ambiguityMargin || others.some((o) => near(o, kept))) {
          return { id: a.id, status: 'stale', ...kept, quote: a.quote, reason: 'ambiguous', moved: false };
        }
      }
      return { id: a.id, status: 'kept', ...kept, moved: false };
    }

    const total = countNonSpace(a.quote, 0, a.quote.length);
    const edited = total > 0 && m.surviving / total >= ANCHORING.staleMinSurvival ? editedSpan(m) : null;
    const stale = (span: { start: number; end: number }, reason: 'edited' | 'ambiguous'): AnchorResult => ({
      id: a.id,
      status: 'stale',
      ...span,
      quote: newText.slice(span.start, span.end),
      reason,
      moved: false,
    });

    // The edits may only be next to the quote (deleting "He said X. " before "He also said Y."
    // can be aligned either way), or the claim's paragraph moved: the exact quote, where the claim
    // was or in new text, settles it before any wording is called changed. But an exact copy
    // elsewhere while the claim's own sentence is still there, reworded, is two candidates.
    const exact = exactCandidates(a, image);
    if (edited && exact.length > 0 && !exact.some((c) => c.start < image.end && c.end > image.start)) return stale(edited, 'ambiguous');
    const found = choose(a, exact, true, image);
    if (found) return found;
    if (edited) return stale(edited, 'edited');
    return choose(a, fuzzyCandidates(a.quote), false, image) ?? { id: a.id, status: 'removed' };
  });
}

/** Two places close enough that each lies in the other's context window. */
function near(x: { start: number; end: number }, y: { start: number; end: number }): boolean {
  return x.start < y.end + ANCHORING.contextChars && y.start < x.end + ANCHORING.contextChars;
}

const JOINERS = new Set(['.', ',', "'", '\u2019', '-']);
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_RE.test(ch);

/** Whether text[pos - 1] and text[pos] belong to one token, as lib/anchoring/diff.ts splits tokens. */
function isJoined(text: string, pos: number): boolean {
  const before = text[pos - 1];
  const at = text[pos];
  if (isWordChar(before) && isWordChar(at)) return true;
  if (isWordChar(before) && (at === '%' || (JOINERS.has(at ?? '') && isWordChar(text[pos + 1])))) return true;
  return JOINERS.has(before ?? '') && isWordChar(text[pos - 2]) && isWordChar(at);
}

/** Widens a fuzzy match that starts or ends inside a word to the whole word, without edge spaces. */
function snapToWords(text: string, c: Candidate): Candidate {
  let { start, end } = c;
  while (start > 0 && start < text.length && WORD_RE.test(text[start - 1]!) && WORD_RE.test(text[start]!)) start--;
  while (end < text.length && end > 0 && WORD_RE.test(text[end - 1]!) && WORD_RE.test(text[end]!)) end++;
  while (start < end && WS_RE.test(text[start]!)) start++;
  while (end > start && WS_RE.test(text[end - 1]!)) end--;
  return { start, end, errors: c.errors };
}
