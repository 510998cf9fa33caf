// Sentence and paragraph segmentation with exact JavaScript string offsets into the original text.
// Hand-written rules rather than an NLP library's splitter: the libraries we tried (wink-nlp,
// compromise) normalise the text they tokenise, so mapping their sentences back to offsets costs a
// second pass and still slips on curly quotes and CRLF. See docs/decisions/004-claim-extraction.md.

export type Segment = {
  start: number;
  end: number;
  /** Index of the paragraph this sentence belongs to (0-based). */
  paragraph: number;
  /** A line with no terminal punctuation on its own: a headline, a caption, a byline. */
  isHeadingLike: boolean;
  /** A bullet or byline line ("• Carolyn Briggs", "By Jane Doe"). */
  isBylineOrBullet: boolean;
};

// Titles and abbreviations after which a full stop never ends a sentence.
const NEVER_END = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'sgt',
    'jr', 'sr', 'mt', 'ft', 'rev', 'hon', 'pres', 'supt', 'messrs', 'no', 'vs', 'etc', 'approx',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'dept', 'univ', 'est', 'fig', 'vol', 'e.g', 'i.e', 'cf', 'al',
  ],
);
// Company suffixes end a name, and often a sentence: "... said Acme Inc. The shares rose." ends
// after "Inc.", "Acme Inc. said" does not. Treated like acronyms below.
// "St." is a saint before a name ("St. Louis") and a street at the end of an address ("on Mill
// St. It closed"): the same test.
const COMPANY = new Set(['inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'bros', 'st', 'ave', 'rd']);
// After an acronym with dots ("U.S.", "U.N.") a sentence ends only if the next word is one that
// usually starts a sentence; "U.S. President" continues, "the U.S. He said" does not.
const SENTENCE_STARTERS = new Set(
  [
    'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'this', 'that',
    'these', 'those', 'there', 'in', 'on', 'at', 'for', 'after', 'before', 'when', 'while', 'if',
    'as', 'his', 'her', 'its', 'their', 'our', 'my', 'some', 'many', 'most', 'one', 'two', 'however',
    'meanwhile', 'still', 'yet', 'so', 'then', 'now', 'officials', 'critics',
  ],
);

const BULLET_RE = /^[\s\u00a0]*(?:[•·▪◦‣*\-–—]|\d+[.)])[\s\u00a0]+/u;
const BYLINE_RE = /^[\s\u00a0]*(?:[•·▪◦‣*\-–—][\s\u00a0]*)?(?:by|written by|reporting by|editing by|photo:|image:)\b/iu;
const CITATION_AFTER = /^\[(?:\d+(?:[,\u2013-]\d+)*|citation needed|note \d+)\]/iu;
const CLOSERS = new Set(['"', '\u201d', '\u2019', "'", ')', ']', '\u00bb']);
const WS_RE = /[\s\u00a0\u2000-\u200b\u3000]/u;

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && WS_RE.test(ch);
}

/** Splits `text` into paragraphs: runs of lines separated by blank lines or by "hard" line ends. */
export function splitParagraphs(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  const lineRe = /\r\n|\n|\r|\u2028|\u2029/g;
  let last = 0;
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    lines.push({ start: last, end: m.index });
    last = m.index + m[0].length;
  }
  lines.push({ start: last, end: text.length });

  const paragraphs: Array<{ start: number; end: number }> = [];
  let current: { start: number; end: number } | null = null;
  for (const line of lines) {
    const content = text.slice(line.start, line.end);
    const trimmed = content.trim();
    if (!trimmed) {
      if (current) paragraphs.push(current);
      current = null;
      continue;
    }
    const lead = content.length - content.trimStart().length;
    const tail = content.length - content.trimEnd().length;
    const span = { start: line.start + lead, end: line.end - tail };
    if (current) {
      const prev = text.slice(current.start, current.end);
      // A wrapped line continues its paragraph; a line after a finished sentence, a headline or a
      // bullet starts a new one.
      const prevEnded = /[.!?:"\u201d)\]]$/u.test(prev) || prev.length < 60;
      if (prevEnded || BULLET_RE.test(content)) {
        paragraphs.push(current);
        current = span;
      } else {
        current.end = span.end;
      }
    } else {
      current = span;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot - 1;
  while (i >= floor && /[\p{L}\p{N}.]/u.test(text[i]!)) i--;
  return text.slice(i + 1, dot);
}

function wordAfter(text: string, from: number, ceil: number): string {
  const m = /^[\s\u00a0]*["'\u201c\u2018(]?([\p{L}\p{N}]+)/u.exec(text.slice(from, Math.min(ceil, from + 40)));
  return m ? m[1]! : '';
}

/** Quotes are tracked only where they balance within the paragraph; otherwise they are ignored. */
function quotesBalance(p: string): boolean {
  let straight = 0;
  let curly = 0;
  for (const ch of p) {
    if (ch === '"') straight++;
    else if (ch === '\u201c') curly++;
    else if (ch === '\u201d') curly--;
  }
  return straight % 2 === 0 && curly === 0;
}

function splitParagraph(text: string, start: number, end: number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const trackQuotes = quotesBalance(text.slice(start, end));
  let inQuote = false;
  let sentenceStart = start;
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (trackQuotes) {
      if (ch === '\u201c') inQuote = true;
      else if (ch === '\u201d') inQuote = false;
      else if (ch === '"') inQuote = !inQuote;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') continue;
    // Swallow runs of terminal punctuation and closing quotes/brackets: `?"` `."` `!)`.
    let j = i + 1;
    while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    let closedQuote = false;
    while (j < end && CLOSERS.has(text[j]!)) {
      if (text[j] === '"' || text[j] === '\u201d') closedQuote = true;
      j++;
    }
    // Citation markers after the full stop belong to the sentence they cite: "... in 2015.[1] The".
    for (let c = CITATION_AFTER.exec(text.slice(j, Math.min(end, j + 40))); c; c = CITATION_AFTER.exec(text.slice(j, Math.min(end, j + 40)))) j += c[0].length;
    if (j >= end) break;
    if (!isSpace(text[j])) continue;
    // Inside a quotation the sentence goes on: `"We won. We always do," he said.`
    if (inQuote && !closedQuote) continue;
    if (closedQuote && trackQuotes) inQuote = false;
    if (ch === '.') {
      const before = wordBefore(text, i, sentenceStart);
      const lower = before.toLowerCase();
      if (NEVER_END.has(lower)) continue;
      if (/^(?:\p{L}\.)+\p{L}?$/u.test(before) || /^\p{Lu}$/u.test(before) || COMPANY.has(lower)) {
        // "U.S." / "J." initials: only a sentence end when a usual sentence starter follows.
        const next = wordAfter(text, j, end).toLowerCase();
        if (!SENTENCE_STARTERS.has(next)) continue;
      }
      if (/^\d+$/.test(before) && /^\d/.test(text.slice(j).trimStart())) continue;
    }
    // The next sentence must start like one: a capital, digit, quote or bracket.
    const nextStart = /^[\s\u00a0]*(.)/su.exec(text.slice(j, Math.min(end, j + 8)));
    const first = nextStart?.[1] ?? '';
    if (first && /[\p{Ll}]/u.test(first)) continue;
    out.push({ start: sentenceStart, end: j });
    let k = j;
    while (k < end && isSpace(text[k])) k++;
    sentenceStart = k;
    i = k - 1;
  }
  if (sentenceStart < end) out.push({ start: sentenceStart, end });
  return out;
}

/** Splits text into sentences with exact offsets: `text.slice(s.start, s.end)` is the sentence. */
export function splitSentences(text: string): Segment[] {
  const segments: Segment[] = [];
  splitParagraphs(text).forEach((p, paragraph) => {
    const pText = text.slice(p.start, p.end);
    const isBylineOrBullet = BYLINE_RE.test(pText) || (BULLET_RE.test(pText) && pText.split(/\s+/).length <= 6);
    for (const s of splitParagraph(text, p.start, p.end)) {
      // Trim trailing whitespace that the paragraph split could leave.
      let e = s.end;
      while (e > s.start && isSpace(text[e - 1])) e--;
      if (e <= s.start) continue;
      const sText = text.slice(s.start, e);
      segments.push({
        start: s.start,
        end: e,
        paragraph,
        isHeadingLike: !/[.!?:;"\u201d\u2026)]$/u.test(sText),
        isBylineOrBullet,
      });
    }
  });
  return segments;
}
