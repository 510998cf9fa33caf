// Word steps over an article's text for correcting a claim's span by hand: the review screen moves
// a claim's start or end one word at a time and widens a mouse selection to whole words. A "word" is
// a run of non-space characters, so punctuation stays with the word it touches ("people." moves as
// one). Pure and dependency-free: the browser bundle imports it.

export type Span = { start: number; end: number };

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/u.test(ch);

/** Drops whitespace at both ends; an all-space span comes back empty (start === end). */
export function trimSpan(text: string, { start, end }: Span): Span {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return { start: s, end: e };
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}\p{M}'’-]/u.test(ch);

/**
 * Widens a span that cuts through a word to the whole word at each end, then trims whitespace. Only
 * letters and digits are completed: a selection that stops before a full stop keeps it out.
 */
export function snapToWords(text: string, span: Span): Span {
  let { start, end } = trimSpan(text, span);
  if (start === end) return { start, end };
  while (start > 0 && isWordChar(text[start - 1]) && isWordChar(text[start])) start--;
  while (end < text.length && isWordChar(text[end]) && isWordChar(text[end - 1])) end++;
  return { start, end };
}

/** Start of the word before `pos` (skipping the spaces between), or `pos` when there is none. */
function previousWordStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && isSpace(text[i - 1])) i--;
  if (i === 0) return pos;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return i;
}

/** Start of the word after the one at `pos`, or `pos` when there is none. */
function nextWordStart(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && !isSpace(text[i])) i++;
  while (i < text.length && isSpace(text[i])) i++;
  return i === text.length ? pos : i;
}

/** End of the word before the one ending at `pos`, or `pos` when there is none. */
function previousWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  while (i > 0 && isSpace(text[i - 1])) i--;
  return i === 0 ? pos : i;
}

/** End of the word after `pos` (skipping the spaces between), or `pos` when there is none. */
function nextWordEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && isSpace(text[i])) i++;
  if (i === text.length) return pos;
  while (i < text.length && !isSpace(text[i])) i++;
  return i;
}

export type Edge = 'start' | 'end';
export type Direction = -1 | 1;

/**
 * Moves one edge of a span by a word. Returns null when the move would leave the text or empty the
 * span (the last word cannot be dropped).
 */
export function moveEdge(text: string, span: Span, edge: Edge, direction: Direction): Span | null {
  if (edge === 'start') {
    const start = direction < 0 ? previousWordStart(text, span.start) : nextWordStart(text, span.start);
    if (start === span.start || start >= span.end) return null;
    return { start, end: span.end };
  }
  const end = direction < 0 ? previousWordEnd(text, span.end) : nextWordEnd(text, span.end);
  if (end === span.end || end <= span.start) return null;
  return { start: span.start, end };
}

/** Whether two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Where an edge dragged to `offset` lands: the start on a word start, the end on a word end (as a
 * selection is widened), kept inside `bounds` (the neighbouring claims) and never emptying the span.
 * Returns null when the drag gives no usable span, so the caller keeps the last good one.
 */
export function dragEdge(text: string, span: Span, edge: Edge, offset: number, bounds: Span): Span | null {
  const at = Math.max(bounds.start, Math.min(bounds.end, offset));
  const raw = edge === 'start' ? { start: Math.min(at, span.end), end: span.end } : { start: span.start, end: Math.max(at, span.start) };
  const next = snapToWords(text, raw);
  // Widening to a whole word may reach into a neighbour's words: trim back to the bound instead.
  const clamped = trimSpan(text, { start: Math.max(next.start, bounds.start), end: Math.min(next.end, bounds.end) });
  return clamped.end > clamped.start ? clamped : null;
}
