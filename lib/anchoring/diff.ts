// Word-level diff of two drafts with diff-match-patch (docs/decisions/007-anchoring.md).
// diff-match-patch diffs strings character by character; its documented "word mode" maps every
// distinct token to one private character, diffs those short strings, and maps back. We do the same
// so a 10,000-word draft is ~20,000 symbols instead of ~60,000 characters, and so an edit is always
// reported as whole changed words: "87" -> "870" or "87" -> "87,000" is a changed token, never an
// insertion next to an untouched "87".
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff, type Diff } from '@sanity/diff-match-patch';

export type DiffOp = 'equal' | 'insert' | 'delete';

/** One run of the diff with its offsets in both texts (an insert has oldStart === oldEnd, a delete newStart === newEnd). */
export type DiffSegment = { op: DiffOp; oldStart: number; oldEnd: number; newStart: number; newEnd: number };

export type WordDiffPart = { op: DiffOp; text: string; oldStart?: number; newStart?: number };

// Words and numbers keep their inner joiners ("U.S", "don't", "87,000", "3.5%") so that changing a
// digit group or a suffix changes the whole token. Whitespace runs are tokens too: "a  b" differs
// from "a b".
const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:[.,'\u2019\-][\p{L}\p{M}\p{N}]+)*%?|\s+|[^]/gu;

// Above this many seconds diff-match-patch returns a coarser (still correct) diff. Realistic drafts
// finish in milliseconds; only a near-total rewrite of a long article gets near it.
const DIFF_TIMEOUT_SECONDS = 1;

// Private-use code points from U+0100, skipping the surrogate range, one per distinct token.
const FIRST_CODE = 0x100;
const LAST_CODE = 0xffff;

function tokenize(text: string): string[] {
  return text.match(TOKEN_RE) ?? [];
}

function encode(tokens: string[], codes: Map<string, string>, next: { code: number }): string | null {
  let out = '';
  for (const t of tokens) {
    let c = codes.get(t);
    if (c === undefined) {
      if (next.code === 0xd800) next.code = 0xe000;
      if (next.code > LAST_CODE) return null;
      c = String.fromCharCode(next.code++);
      codes.set(t, c);
    }
    out += c;
  }
  return out;
}

type Pending = { oldStart: number; oldEnd: number; newStart: number; newEnd: number };

/** Appends segments, merging a run into the previous one of the same kind. */
function append(out: DiffSegment[], op: DiffOp, oldStart: number, oldLen: number, newStart: number, newLen: number): void {
  if (oldLen === 0 && newLen === 0) return;
  const last = out[out.length - 1];
  if (last && last.op === op && last.oldEnd === oldStart && last.newEnd === newStart) {
    last.oldEnd += oldLen;
    last.newEnd += newLen;
  } else {
    out.push({ op, oldStart, oldEnd: oldStart + oldLen, newStart, newEnd: newStart + newLen });
  }
}

/**
 * Diffs two lists of units (lines or tokens) as strings of one code point per distinct unit and
 * appends the result as segments, offset by where the units start in the texts. Returns false
 * when there are too many distinct units to encode.
 */
function diffUnits(a: string[], b: string[], at: { old: number; new: number }, out: DiffSegment[]): boolean {
  const codes = new Map<string, string>();
  const next = { code: FIRST_CODE };
  const encA = encode(a, codes, next);
  const encB = encA === null ? null : encode(b, codes, next);
  if (encA === null || encB === null) return false;
  const diffs = cleanupSemantic(makeDiff(encA, encB, { checkLines: false, timeout: DIFF_TIMEOUT_SECONDS }));
  let ia = 0;
  let ib = 0;
  let oa = at.old;
  let ob = at.new;
  const lengthOf = (units: string[], from: number, count: number) => {
    let n = 0;
    for (let i = from; i < from + count; i++) n += units[i]!.length;
    return n;
  };
  for (const [type, s] of diffs) {
    const count = s.length;
    if (type === DIFF_EQUAL) {
      const len = lengthOf(a, ia, count);
      append(out, 'equal', oa, len, ob, len);
      oa += len;
      ob += len;
      ia += count;
      ib += count;
    } else if (type === DIFF_DELETE) {
      const len = lengthOf(a, ia, count);
      append(out, 'delete', oa, len, ob, 0);
      oa += len;
      ia += count;
    } else if (type === DIFF_INSERT) {
      const len = lengthOf(b, ib, count);
      append(out, 'insert', oa, 0, ob, len);
      ob += len;
      ib += count;
    }
  }
  return true;
}

/** Token-level diff of oldText[o.oldStart, o.oldEnd) against newText[o.newStart, o.newEnd). */
function diffBlock(oldText: string, newText: string, o: Pending, out: DiffSegment[]): void {
  const a = oldText.slice(o.oldStart, o.oldEnd);
  const b = newText.slice(o.newStart, o.newEnd);
  if (a.length === 0 || b.length === 0) {
    append(out, 'delete', o.oldStart, a.length, o.newStart, 0);
    append(out, 'insert', o.oldEnd, 0, o.newStart, b.length);
    return;
  }
  if (diffUnits(tokenize(a), tokenize(b), { old: o.oldStart, new: o.newStart }, out)) return;
  // More than ~63,000 distinct tokens in one block: far beyond any article; diff characters.
  diffUnits([...a], [...b], { old: o.oldStart, new: o.newStart }, out);
}

/** Share of words two lines have in common (multiset), 0..1. */
function wordOverlap(a: string, b: string): number {
  const count = new Map<string, number>();
  const wa = a.match(/[\p{L}\p{N}]+/gu) ?? [];
  const wb = b.match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const w of wa) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      common++;
      count.set(w, n - 1);
    }
  }
  return common / Math.max(1, wa.length, wb.length);
}

/**
 * A block of changed lines. When it has as many lines in both drafts (each paragraph edited in
 * place, the usual copy edit), lines are diffed pairwise: the same result for in-place edits, and
 * a draft that touches every paragraph costs a few hundred small diffs instead of one diff of the
 * whole article that would run into the time limit. A pair sharing less than half its words is
 * not the same paragraph edited (paragraphs reordered, or rewritten): it is a deletion and an
 * insertion, and re-anchoring searches for its claims.
 */
function diffLines(oldText: string, newText: string, block: Pending, out: DiffSegment[]): void {
  const a = oldText.slice(block.oldStart, block.oldEnd).split(/(?<=\n)/);
  const b = newText.slice(block.newStart, block.newEnd).split(/(?<=\n)/);
  if (a.length < 2 || a.length !== b.length) return diffBlock(oldText, newText, block, out);
  let oa = block.oldStart;
  let ob = block.newStart;
  for (let i = 0; i < a.length; i++) {
    const la = a[i]!.length;
    const lb = b[i]!.length;
    if (a[i] === b[i]) append(out, 'equal', oa, la, ob, lb);
    else if (wordOverlap(a[i]!, b[i]!) < 0.5) {
      append(out, 'delete', oa, la, ob, 0);
      append(out, 'insert', oa + la, 0, ob, lb);
    } else diffBlock(oldText, newText, { oldStart: oa, oldEnd: oa + la, newStart: ob, newEnd: ob + lb }, out);
    oa += la;
    ob += lb;
  }
}

/**
 * The diff of oldText -> newText as whole-token runs with offsets into both texts, in text order.
 * Paragraphs (lines) are diffed first, as diff-match-patch's line mode does, and only the blocks of
 * changed lines are diffed word by word: a moved paragraph stays a whole deletion and a whole
 * insertion, and the costly word-level pass sees a few hundred words instead of the whole article.
 */
export function diffTokens(oldText: string, newText: string): DiffSegment[] {
  const out: DiffSegment[] = [];
  const linesA = oldText.split(/(?<=\n)/);
  const linesB = newText.split(/(?<=\n)/);
  const lineDiff: DiffSegment[] = [];
  if (!diffUnits(linesA, linesB, { old: 0, new: 0 }, lineDiff)) {
    diffBlock(oldText, newText, { oldStart: 0, oldEnd: oldText.length, newStart: 0, newEnd: newText.length }, out);
    return out;
  }
  let pending: Pending | null = null;
  for (const seg of lineDiff) {
    if (seg.op !== 'equal') {
      if (pending) {
        pending.oldEnd = seg.oldEnd;
        pending.newEnd = seg.newEnd;
      } else {
        pending = { oldStart: seg.oldStart, oldEnd: seg.oldEnd, newStart: seg.newStart, newEnd: seg.newEnd };
      }
      continue;
    }
    if (pending) diffLines(oldText, newText, pending, out);
    pending = null;
    append(out, 'equal', seg.oldStart, seg.oldEnd - seg.oldStart, seg.newStart, seg.newEnd - seg.newStart);
  }
  if (pending) diffLines(oldText, newText, pending, out);
  const last = out[out.length - 1];
  if ((last?.oldEnd ?? 0) !== oldText.length || (last?.newEnd ?? 0) !== newText.length) {
    throw new Error(`diffTokens: the diff does not cover both texts (${last?.oldEnd}/${oldText.length}, ${last?.newEnd}/${newText.length})`);
  }
  return out;
}

/**
 * Word-level differences for showing two drafts side by side or inline: equal runs carry both
 * offsets, deletions their offset in the old text, insertions their offset in the new text.
 * Concatenating the equal and delete parts gives oldText; equal and insert parts give newText.
 */
export function diffWords(oldText: string, newText: string): WordDiffPart[] {
  return diffTokens(oldText, newText).map((s) => {
    if (s.op === 'equal') return { op: 'equal', text: oldText.slice(s.oldStart, s.oldEnd), oldStart: s.oldStart, newStart: s.newStart };
    if (s.op === 'delete') return { op: 'delete', text: oldText.slice(s.oldStart, s.oldEnd), oldStart: s.oldStart };
    return { op: 'insert', text: newText.slice(s.newStart, s.newEnd), newStart: s.newStart };
  });
}
