// Claim extraction: text in, check-worthy claims with exact offsets out (the interface in
// docs/API.md). Pure and deterministic: no I/O besides the shipped model weights.
import { splitAtoms, type SentencePos } from './atoms';
import { ATTRIBUTION, CAUSAL, COMPARATIVE, FUTURE, HEDGE, PRONOUN_SUBJECT, CHANGE_VERBS } from './cues';
import { extractEntities, type Entity } from './entities';
import { tagDocument, tagsFor, tokensFor, type SpanToken, type TaggedDoc } from './features';
import { modelThreshold, scoreSentence } from './model';
import { extractNumbers } from './numbers';
import { findRelations } from './relations';
import type { ClaimEntity, ClaimFlag, ClaimNumber, ClaimType, Extraction, ExtractedClaim } from './schema';
import { datelineLength, isFurnitureLine, notClaimReason, startsReferences, trailingCitationLength } from './furniture';
import { splitSentences, type Segment } from './sentences';

export type ExtractOptions = {
  /** List sentences judged not check-worthy too (with `checkworthy: false`). */
  all?: boolean;
};

const SPEAKER_AFTER = /(?:,|\u201d|")\s*(?:(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)|(he|she|they))\s+(?:said|says|added|told|wrote|argued|insisted|warned)\b/u;
const SPEAKER_BEFORE = /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|told|added|stated|argued|claimed|announced|wrote|warned|insisted|believes|accused|denied|confirmed|estimated|put)\b/u;
const ACCORDING_TO = /according to\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u;

export function classify(s: string, numbers: ClaimNumber[], isQuote: boolean): ClaimType {
  const statNumbers = numbers.filter((n) => n.kind !== 'year' && n.kind !== 'date');
  if (FUTURE.test(s) && !/\b(?:said|says)\b/.test(s.slice(0, Math.max(0, s.search(FUTURE))))) return 'prediction';
  if (isQuote) return 'quote';
  if (statNumbers.some((n) => n.kind === 'percent' || n.kind === 'money' || n.kind === 'cardinal' || n.kind === 'score')) return 'statistic';
  if (COMPARATIVE.test(s) && /\b(?:\w+est|most|least|record|than|since)\b/i.test(s)) return 'comparison';
  if (CAUSAL.test(s)) return 'causal';
  if (statNumbers.length || CHANGE_VERBS.test(s) || /\b\w+ed\b/.test(s)) return 'event';
  return 'other';
}

export function findSpeaker(s: string): { name?: string; pronoun?: string } | null {
  const after = SPEAKER_AFTER.exec(s);
  if (after) return after[1] ? { name: after[1] } : { pronoun: after[2] };
  const acc = ACCORDING_TO.exec(s);
  if (acc) return { name: acc[1] };
  const before = SPEAKER_BEFORE.exec(s);
  if (before) return { name: before[1]!.replace(/^(?:But|And|Then|Later|Mr|Mrs|Ms|Dr)\s+/, '') };
  if (ATTRIBUTION.test(s)) return {};
  return null;
}

/**
 * The one rule left on top of the model (issue 11): a sentence ending in "?" asks, so it is not a
 * claim by definition. Opinions, advice, predictions and stated quantities are model features now
 * (lib/claims/features.ts), so a report of what an agency advised can still score as a claim.
 */
export function adjustScore(score: number, s: string, _numbers?: ClaimNumber[], _isQuote?: boolean): number {
  if (/\?\s*["'\u201d\u2019)]*$/u.test(s.trim())) return Math.min(score, 0.05);
  return score;
}

export function isIncomplete(s: string, nextStartsParagraph: boolean): boolean {
  const t = s.trimEnd();
  // Ends on an article or preposition, or on "a U.S." with nothing after it in the paragraph.
  if (/\b(?:a|an|the|of|to|and|or|for|with|by|from|in|on|at)\s*[.]?$/i.test(t)) return true;
  if (/\b(?:a|an|the)\s+(?:\p{Lu}\.)+$/u.test(t) && nextStartsParagraph) return true;
  return false;
}

export function toClaimEntities(entities: Entity[], offset: number, speaker?: string): ClaimEntity[] {
  return entities.map((e) => ({
    text: e.text,
    kind: e.kind,
    start: e.start + offset,
    end: e.end + offset,
    ...(speaker && (e.text === speaker || speaker.endsWith(e.text)) ? { role: 'speaker' as const } : {}),
  }));
}

/** Extracts claims from `text`. Every claim's `quote` equals `text.slice(start, end)`. */
const TAG_CHUNK = 20_000;

export function extractClaims(text: string, options: ExtractOptions = {}): Extraction {
  const segments = splitSentences(text);
  const threshold = modelThreshold();
  const claims: ExtractedClaim[] = [];
  // wink-nlp tags the text once, a run of whole paragraphs (~20,000 characters) at a time, and each
  // sentence and atom takes its slice of the tags: per-sentence tagging cost as much again as the
  // bare tokenisation, and one wink document for a 100,000-word draft pushed memory past 300 MB.
  let chunk: { offset: number; end: number; doc: TaggedDoc } | null = null;
  const chunkOf = (si: number) => {
    if (!chunk || segments[si]!.start >= chunk.end) {
      const from = segments[si]!.start;
      let j = si;
      while (j + 1 < segments.length && (segments[j + 1]!.start - from < TAG_CHUNK || segments[j + 1]!.paragraph === segments[j]!.paragraph)) j++;
      chunk = { offset: from, end: segments[j]!.end, doc: tagDocument(text.slice(from, segments[j]!.end)) };
    }
    return chunk;
  };
  const tagsOf = (si: number, start: number, end: number) => {
    const c = chunkOf(si);
    return tagsFor(c.doc, start - c.offset, end - c.offset);
  };
  // The splitter reads the same tags, with offsets relative to the sentence.
  const posOf = (si: number, start: number, end: number): SentencePos => {
    const c = chunkOf(si);
    const { starts, pos } = c.doc;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < start - c.offset) lo = mid + 1;
      else hi = mid;
    }
    const out: SentencePos = { starts: [] as number[], tags: [] as string[] };
    for (let i = lo; i < starts.length && starts[i]! < end - c.offset; i++) {
      (out.starts as number[]).push(starts[i]! + c.offset - start);
      (out.tags as string[]).push(pos[i]!);
    }
    return out;
  };
  // The relation frames read each check-worthy claim's tokens from the same tags (the chunk is
  // gone by the time relations run, so they are sliced now): tagging every quote again on its own
  // cost about as much as the bare tokenisation of the whole text.
  const claimTokens = new Map<ExtractedClaim, SpanToken[]>();
  const tokensOf = (start: number, end: number) => tokensFor(chunk!.doc, text, chunk!.offset, start, end);
  const furniture = furnitureParagraphs(text, segments);
  let lastPerson: string | undefined;
  // The previous sentence's subject, when it is one named person: only then is a following
  // "he"/"she" clear enough to resolve; otherwise the claim is flagged ambiguous with candidates.
  let subjectPerson: string | undefined;
  let recentPeople: string[] = [];
  segments.forEach((seg, si) => {
    const next = segments[si + 1];
    const nextStartsParagraph = !next || next.paragraph !== seg.paragraph;
    if (seg.isBylineOrBullet || furniture.has(seg.paragraph)) {
      if (options.all) claims.push(skipped(text, seg.start, seg.end, 'other'));
      return;
    }
    // A dateline ("BROOKFIELD, March 13 (Wire) - ") and citation markers ("[1]") are not part of
    // any claim: the claims' spans start after and end before them.
    const first = si === 0 || segments[si - 1]!.paragraph !== seg.paragraph;
    const s0 = seg.start + (first ? datelineLength(text.slice(seg.start, seg.end)) : 0);
    const e0 = seg.end - trailingCitationLength(text.slice(s0, seg.end));
    if (e0 <= s0) return;
    const sentence = text.slice(s0, e0);
    const entities = extractEntities(sentence);
    const people = [...new Set(entities.filter((e) => e.kind === 'person').map((e) => e.text))];
    const notClaim = notClaimReason(sentence);
    const sentenceScore = scoreSentence(sentence, undefined, tagsOf(si, s0, e0));
    const speaker = findSpeaker(sentence);
    const startsWithPronoun = PRONOUN_SUBJECT.test(sentence);
    // Only he/she point back to one person; "It", "They" and "This" refer to things we do not track.
    const personPronoun = /^[\s"'“‘(]*(?:He|She|His|Her)\b/.test(sentence) || Boolean(speaker?.pronoun && speaker.pronoun !== 'they');
    const resolved = personPronoun ? subjectPerson : undefined;
    const candidates = personPronoun && !resolved ? (recentPeople.length ? recentPeople : lastPerson ? [lastPerson] : []) : [];
    const atoms = splitAtoms(sentence, posOf(si, s0, e0));
    for (const atom of atoms) {
      let start = s0 + atom.start;
      let end = s0 + atom.end;
      while (start < end && /\s/.test(text[start]!)) start++;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end <= start) continue;
      const quote = text.slice(start, end);
      const numbers = extractNumbers(quote).map((n) => ({ ...n, start: n.start + start, end: n.end + start }));
      const isQuote = speaker !== null;
      // An atom is at least as check-worthy as its sentence: splitting a claim must not lose its
      // facts (at 0.9 x the sentence's score, borderline sentences lost their second atom on the
      // blind articles). The sentence-level gates below still apply to every atom.
      const raw = atoms.length > 1 ? Math.max(scoreSentence(quote, undefined, tagsOf(si, start, end)), sentenceScore) : sentenceScore;
      const adjusted = adjustScore(raw, quote, numbers, isQuote);
      // Questions, bare advice, predictions and opinions state no checkable fact (furniture.ts).
      const score = Math.round((notClaim ? Math.min(adjusted, Math.max(0, threshold - 0.05)) : adjusted) * 1000) / 1000;
      const flags: ClaimFlag[] = [];
      let claimText = atom.kind === 'sentence' ? quote : atom.text;
      const pronounHere = (startsWithPronoun && atom.start === 0) || /^(?:He|She)\b/.test(claimText) || (speaker?.pronoun && !speaker.name);
      if (pronounHere && resolved && /^[\s"'“‘(]*(?:He|She)\b/.test(claimText)) {
        claimText = claimText.replace(/^([\s"'“‘(]*)(?:He|She)\b/, `$1${resolved}`);
      } else if (pronounHere) flags.push('ambiguous');
      if (atom.end === sentence.length && isIncomplete(quote, nextStartsParagraph)) flags.push('incomplete');
      if (HEDGE.test(quote)) flags.push('hedged');
      if (seg.isHeadingLike && seg.paragraph === 0 && si === 0) flags.push('headline');
      const checkworthy = score >= threshold;
      if (!checkworthy && !options.all) continue;
      const wholeSentence = start === seg.start && end === seg.end;
      const claimEntities = toClaimEntities(wholeSentence ? entities : extractEntities(quote), start, speaker?.name);
      const claim: ExtractedClaim = {
        id: '',
        start,
        end,
        quote,
        text: claimText,
        type: classify(quote, numbers, isQuote),
        score,
        checkworthy,
        flags,
        entities: claimEntities,
        numbers,
        ...(flags.includes('ambiguous') && candidates.length ? { antecedent: candidates[candidates.length - 1]!, candidates } : {}),
        ...(resolved && !flags.includes('ambiguous') && pronounHere ? { antecedent: resolved } : {}),
      };
      claims.push(claim);
      if (checkworthy) claimTokens.set(claim, tokensOf(start, end));
    }
    const personEntities = entities.filter((e) => e.kind === 'person');
    const opening = personEntities.length > 0 && people.length === 1 && (personEntities[0]!.start < 60 || Boolean(speaker?.name?.endsWith(people[0]!)));
    subjectPerson = opening ? people[0] : resolved && /^[\s"'“‘(]*(?:He|She)\b/.test(sentence) ? resolved : undefined;
    if (people.length) lastPerson = people[people.length - 1]!;
    recentPeople = people.length ? people : personPronoun ? recentPeople : [];
  });
  claims.forEach((c, i) => { c.id = `c${i + 1}`; });
  const checkworthy = claims.filter((c) => c.checkworthy);
  return { text, claims, relations: findRelations(checkworthy, { text, tokens: checkworthy.map((c) => claimTokens.get(c)) }) };
}

/** Paragraphs that are page furniture: labels, credits, "Related:" lines, reference lists. */
export function furnitureParagraphs(text: string, segments: Segment[]): Set<number> {
  const out = new Set<number>();
  const bounds = new Map<number, { start: number; end: number }>();
  for (const s of segments) {
    const b = bounds.get(s.paragraph);
    if (b) b.end = s.end;
    else bounds.set(s.paragraph, { start: s.start, end: s.end });
  }
  let inReferences = false;
  for (const [p, b] of bounds) {
    const para = text.slice(b.start, b.end);
    if (startsReferences(para)) inReferences = true;
    else if (inReferences && !/^\s*(?:\[\d+\]|\d+\.\s)|\(\d{4}\)|\bibid\b/iu.test(para)) inReferences = false;
    if (inReferences || isFurnitureLine(para)) out.add(p);
  }
  return out;
}

function skipped(text: string, start: number, end: number, type: ClaimType): ExtractedClaim {
  return {
    id: '', start, end, quote: text.slice(start, end), text: text.slice(start, end), type,
    score: 0, checkworthy: false, flags: [], entities: [], numbers: [],
  };
}

/** Scores one sentence per line for `claims --score-lines`. */
export function scoreLine(line: string): { score: number; checkworthy: boolean } {
  const score = Math.round(adjustScore(scoreSentence(line), line) * 1000) / 1000;
  return { score, checkworthy: score >= modelThreshold() };
}
