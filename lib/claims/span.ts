// One span of an article, analysed the way extraction analyses its claims: a reviewer who adds,
// splits, merges or resizes a claim by hand gets the same type, score, numbers, entities and flags
// the extractor would have given those words. Pure and deterministic, like extract.ts.
import { adjustScore, classify, findSpeaker, isIncomplete, toClaimEntities } from './extract';
import { HEDGE, PRONOUN_SUBJECT } from './cues';
import { extractEntities } from './entities';
import { modelThreshold, scoreSentence } from './model';
import { extractNumbers } from './numbers';
import type { ClaimEntity, ClaimFlag, ClaimNumber, ClaimType } from './schema';
import { splitSentences, type Segment } from './sentences';
import { overlaps, trimSpan, type Span } from './words';

export type SpanCheck =
  | { ok: true; start: number; end: number }
  | { ok: false; field: 'start' | 'end'; message: string };

/**
 * A span a reviewer sent must lie inside the text and hold more than whitespace; whitespace at its
 * ends is dropped (a mouse selection often takes the space after the last word).
 */
export function checkSpan(text: string, start: number, end: number): SpanCheck {
  if (start < 0 || start > text.length) {
    return { ok: false, field: 'start', message: `The start (${start}) is outside the article's text, which has ${text.length} characters. Reload the article and select the words again.` };
  }
  if (end > text.length) {
    return { ok: false, field: 'end', message: `The end (${end}) is outside the article's text, which has ${text.length} characters. Reload the article and select the words again.` };
  }
  if (end <= start) return { ok: false, field: 'end', message: 'The span is empty: select at least one word of the article.' };
  const trimmed = trimSpan(text, { start, end });
  if (trimmed.start === trimmed.end) return { ok: false, field: 'end', message: 'The span holds only spaces or line breaks: select at least one word of the article.' };
  return { ok: true, ...trimmed };
}

/** The first claim in `claims` that shares a character with `span`, if any. */
export function findOverlap<T extends Span>(span: Span, claims: readonly T[]): T | undefined {
  return claims.find((c) => overlaps(span, c));
}

export type SpanAnalysis = {
  start: number;
  end: number;
  quote: string;
  text: string;
  type: ClaimType;
  score: number;
  /** Whether extraction would have listed these words on its own (score at or above the model's threshold). */
  extractorAgrees: boolean;
  flags: ClaimFlag[];
  entities: ClaimEntity[];
  numbers: ClaimNumber[];
  antecedent?: string;
  /** The sentence(s) the span lies in: the context a reviewer judged it in, and the model's unit of training. */
  sentence: { start: number; end: number; text: string };
};

/** The person a he/she/they at `index` most likely refers to: the last one named in the sentences before. */
function antecedentBefore(text: string, segments: Segment[], index: number): string | undefined {
  for (let i = index - 1; i >= Math.max(0, index - 6); i--) {
    const seg = segments[i]!;
    const people = extractEntities(text.slice(seg.start, seg.end)).filter((e) => e.kind === 'person');
    if (people.length) return people[people.length - 1]!.text;
  }
  return undefined;
}

/**
 * Analyses `text.slice(start, end)` as a claim. The caller has checked the span (checkSpan). A span
 * a reviewer chose is a claim by their judgement, so the result carries the model's score for the
 * record (and for learning from the desk) but is never filtered by it.
 */
export function analyseSpan(text: string, start: number, end: number, segments: Segment[] = splitSentences(text)): SpanAnalysis {
  const quote = text.slice(start, end);
  const firstIndex = segments.findIndex((s) => s.end > start && s.start < end);
  const covering = firstIndex < 0 ? [] : segments.slice(firstIndex).filter((s) => s.start < end);
  const first = covering[0];
  const last = covering[covering.length - 1];
  const sentenceStart = Math.min(first?.start ?? start, start);
  const sentenceEnd = Math.max(last?.end ?? end, end);
  // Speaker, pronoun and headline cues belong to the sentence the claim starts in, as in extraction.
  const firstSentence = first ? text.slice(first.start, first.end) : quote;
  const speaker = findSpeaker(firstSentence);
  const isQuote = speaker !== null;
  const numbers = extractNumbers(quote).map((n) => ({ ...n, start: n.start + start, end: n.end + start }));
  const score = Math.round(adjustScore(scoreSentence(quote), quote, numbers, isQuote) * 1000) / 1000;

  const flags: ClaimFlag[] = [];
  const startsSentence = !first || start <= first.start;
  if ((startsSentence && PRONOUN_SUBJECT.test(quote)) || (speaker?.pronoun && !speaker.name)) flags.push('ambiguous');
  const next = last ? segments[segments.indexOf(last) + 1] : undefined;
  const endsSentence = !last || end >= last.end;
  if (endsSentence && isIncomplete(quote, !next || next.paragraph !== last?.paragraph)) flags.push('incomplete');
  if (HEDGE.test(quote)) flags.push('hedged');
  if (first && firstIndex === 0 && first.paragraph === 0 && first.isHeadingLike) flags.push('headline');

  const personPronoun = (startsSentence && /^[\s"'“‘(]*(?:He|She|They|His|Her|Their)\b/.test(quote)) || Boolean(speaker?.pronoun);
  const antecedent = flags.includes('ambiguous') && personPronoun && firstIndex >= 0 ? antecedentBefore(text, segments, firstIndex) : undefined;
  return {
    start,
    end,
    quote,
    text: quote,
    type: classify(quote, numbers, isQuote),
    score,
    extractorAgrees: score >= modelThreshold(),
    flags,
    entities: toClaimEntities(extractEntities(quote), start, speaker?.name),
    numbers,
    ...(antecedent ? { antecedent } : {}),
    sentence: { start: sentenceStart, end: sentenceEnd, text: text.slice(sentenceStart, sentenceEnd) },
  };
}
