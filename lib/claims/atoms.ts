// Splits a sentence into atomic claims, one checkable fact each (issue 11, after the Claimify
// method): coordinated clauses and verb phrases ("The plant builds trucks and supplies engines"),
// non-restrictive relative clauses ("the club, which employs 350 people, said ..."), trailing
// appositions ("..., a town of 45,000 people"), participle and factual subordinate clauses
// (", cutting 1,400 jobs", ", when the pandemic disrupted ..."), and "X said A and that B".
// Each atom's span is contiguous in the sentence (the quote stays an exact slice); its `text` is
// the fact rewritten to stand on its own: the subject carried over, the relative pronoun replaced
// by its antecedent, the reporting clause repeated for a second reported fact.
// Rule-based on purpose: it runs on every sentence of 100,000-word documents, and a dependency
// parse is not available offline in Node. Where a cue is unclear it does not split.

import { tagDocument } from './features';

export type AtomKind = 'sentence' | 'clause' | 'relative' | 'dependent' | 'apposition';
export type Atom = { start: number; end: number; text: string; kind: AtomKind };

const AUX = new Set(['is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'shall', 'did', 'does', 'do', 'won\'t', 'isn\'t', 'wasn\'t']);
const BE_HAVE = new Set(['is', 'was', 'were', 'are', 'has', 'had', 'have']);
const IRREGULAR = new Set(['said', 'told', 'rose', 'fell', 'grew', 'won', 'lost', 'paid', 'spent', 'built', 'made', 'took', 'gave', 'found', 'led', 'left', 'met', 'sent', 'began', 'became', 'kept', 'held', 'brought', 'bought', 'sold', 'cut', 'put', 'set', 'hit', 'ran', 'saw', 'wrote', 'chose', 'drove', 'got', 'went', 'came', 'knew', 'thought', 'felt', 'stood', 'meant', 'say', 'says', 'shut', 'quit', 'spoke', 'broke', 'struck', 'fought', 'taught', 'caught', 'won', 'employ', 'lead', 'leads', 'sell']);
// Verbs in -s that are often followed by a preposition ("rises to", "stays at", "depends on").
const VERB_S = new Set(['rises', 'falls', 'stays', 'remains', 'goes', 'comes', 'grows', 'drops', 'climbs', 'jumps', 'increases', 'decreases', 'reaches', 'runs', 'plans', 'wants', 'needs', 'expects', 'accounts', 'lives', 'works', 'sits', 'stands', 'moves', 'belongs', 'depends', 'applies', 'refers', 'amounts', 'looks', 'seems', 'appears', 'returns', 'continues', 'points', 'opens', 'closes', 'ends', 'starts', 'begins', 'holds', 'operates', 'serves', 'leads']);
// Words in -ed / -s that are not verbs in news text.
const NOT_VERB = new Set(['this', 'his', 'its', 'us', 'as', 'thus', 'plus', 'less', 'news', 'series', 'species', 'bus', 'gas', 'across', 'various', 'previous', 'famous', 'serious', 'numerous', 'hundred', 'need', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'indeed', 'united', 'limited', 'percent', 'yes', 'towards', 'afterwards', 'always', 'perhaps', 'whereas', 'unless', 'nevertheless', 'chairs', 'means', 'sometimes', 'ours', 'yours', 'theirs', 'hers', 'ones', 'years', 'months', 'weeks', 'days', 'hours', 'minutes', 'times', 'others', 'tens', 'thousands', 'millions', 'billions', 'dozens', 'hundreds']);
// Words that end a noun phrase's determiner slot: after them an -s word is a plural noun.
const DETERMINER = /^(?:the|a|an|its|his|her|their|our|my|your|these|those|many|some|all|both|few|several|more|most|other|such|no|each|every|two|three|four|five|six|seven|eight|nine|ten|\d[\d,.]*|local|new|old|large|small)$/i;
const PREPOSITION = /^(?:in|on|at|for|to|of|by|with|from|into|over|under|about|after|before|since|during|between|across|against|per|than|and|or|but)$/i;
// "-ing" words that open a prepositional phrase, not a clause: ", according to", ", including".
const PREP_ING = /^(?:according|including|excluding|following|regarding|concerning|during|notwithstanding|compared|starting|beginning|ending|depending|pending|citing)$/i;
const MONTH_OR_DAY = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const QUANTITY = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions|billions|half|double|twice)\b/i;
const SUBORDINATOR = /^(?:after|when|because|although|though|since|whereas|before)$/i;
const APPOS_START = /^(?:a|an|the|his|her|its|their|all|both|each|one|most|many|some|none|two|three|four|five|six|seven|eight|nine|ten)$/i;
const REPORTING = /^(?:said|says|told|added|stated|argued|claimed|announced|wrote|warned|insisted|confirmed|estimated|explained|noted|reported|found|predicted|advised)$/i;
const LIST_MARKER = /^(?:First|Second|Third|Fourth|Fifth|Finally|Firstly|Secondly|Thirdly|Lastly|Also|Meanwhile|Separately),\s+/;

/** Tags one sentence on its own (extraction passes the tags of the whole document instead). */
export function tagSentencePos(sentence: string): SentencePos {
  const doc = tagDocument(sentence);
  return { starts: doc.starts, tags: doc.pos };
}

type Word = { w: string; start: number; end: number; pos?: string };
/** wink-nlp part-of-speech tags of a sentence: token start offsets (relative to the sentence) and tags. */
export type SentencePos = { starts: ArrayLike<number>; tags: readonly string[] };

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’.,£$€%-]*[\p{L}\p{N}%]|[\p{L}\p{N}]/gu;
// The splitter asks for the words of many ranges of one sentence: tokenise it once and slice.
let cachedFor = '';
let cachedPos: SentencePos | undefined;
let posSentence = '';
let cachedWords: Word[] = [];

function tokenizeAll(s: string, pos?: SentencePos): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  let t = 0;
  for (let m = WORD_RE.exec(s); m; m = WORD_RE.exec(s)) {
    const word: Word = { w: m[0].replace(/[.,]+$/, ''), start: m.index, end: m.index + m[0].length };
    // The tagger's token that starts where the word starts gives its part of speech ("owners"
    // NOUN, "play" VERB); words the tagger splits differently ("£20") keep the shape test only.
    if (pos) {
      while (t < pos.starts.length && pos.starts[t]! < word.start) t++;
      if (t < pos.starts.length && pos.starts[t] === word.start) word.pos = pos.tags[t];
    }
    out.push(word);
  }
  return out;
}

function tokenize(s: string, from = 0, to = s.length): Word[] {
  if (s !== cachedFor) {
    cachedWords = tokenizeAll(s, s === posSentence ? cachedPos : undefined);
    cachedFor = s;
  }
  let lo = 0;
  let hi = cachedWords.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cachedWords[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Word[] = [];
  for (let i = lo; i < cachedWords.length && cachedWords[i]!.start < to; i++) {
    const w = cachedWords[i]!;
    // A word cut by the range end ("Ltd." at a comma) is clipped like a fresh tokenisation would.
    out.push(w.end <= to ? w : { w: s.slice(w.start, to).replace(/[.,]+$/, ''), start: w.start, end: to });
  }
  return out;
}

/** Whether words[i] is a finite verb (or auxiliary) by the shape of the words around it. */
export function isVerbAt(words: Word[], i: number): boolean {
  const raw = words[i]?.w;
  if (!raw) return false;
  if (/^\p{Lu}/u.test(raw)) return false;
  const w = raw.toLowerCase();
  // "and chairs the board": after "and", the tagger's verb beats the list of usual nouns.
  if (NOT_VERB.has(w)) return words[i]!.pos === 'VERB' && (i === 0 || words[i - 1]?.w.toLowerCase() === 'and');
  const prev = words[i - 1]?.w.toLowerCase() ?? '';
  const next = words[i + 1]?.w.toLowerCase() ?? '';
  const pos = words[i]!.pos;
  if (AUX.has(w)) return true;
  // "the cut", "a set of": the tagger's noun after a determiner overrides the word list.
  if (IRREGULAR.has(w)) return !(pos === 'NOUN' && DETERMINER.test(prev));
  // A plural noun after an adjective is no verb ("The previous owners, the ... family"). The
  // tagger alone is not trusted here: it reads "and supplies engines" as two nouns.
  if ((pos === 'NOUN' || pos === 'PROPN') && /s$/.test(w) && /^(?:ADJ|DET|NUM)$/.test(words[i - 1]?.pos ?? '')) return false;
  if (VERB_S.has(w) && !DETERMINER.test(words[i - 1]?.w ?? '')) return true;
  // A base-form verb the tagger recognises ("play at Castle Park", "and hold sessions"); not an
  // infinitive after "to" and not a gerund or participle, which head no clause of their own.
  // After a determiner, adjective, number or preposition the tagger's "verb" is a noun: "a
  // 14-month rebuild", "Despite hopes of ...".
  if (pos === 'VERB' && prev !== 'to' && !/ing$/.test(w) && !DETERMINER.test(prev) && !(PREPOSITION.test(prev) && prev !== 'and' && prev !== 'but' && prev !== 'or') && !/^(?:DET|ADJ|NUM|ADP)$/.test(words[i - 1]?.pos ?? '')) return true;
  if (/^[a-z]{3,}ed$/.test(w)) return !DETERMINER.test(prev) || prev === 'and';
  if (/^[a-z]{3,}(?:s)$/.test(w) && !/(?:ss|us|is|ous)$/.test(w)) {
    if (DETERMINER.test(prev) && prev !== 'and') return false;
    const after = words[i + 2]?.w ?? '';
    // "carries about 42,000 vehicles": an approximation, not a preposition, follows the verb.
    if (/^(?:about|around|nearly|almost|over|more|up|out|off)$/.test(next) && /^(?:\d|the|a|an|than)/i.test(after)) return true;
    if (!next || AUX.has(next) || PREPOSITION.test(next) || IRREGULAR.has(next)) return false;
    // "supplies engines", "employs 22,000": a plural noun is not followed by its object.
    return true;
  }
  return false;
}

function hasVerb(s: string, from: number, to: number): boolean {
  const words = tokenize(s, from, to);
  return words.some((_, i) => isVerbAt(words, i));
}

/** The clause's subject: its words before the first verb, after any opening adverbial ("On Monday, "). */
function subjectOf(s: string, from: number, to: number): { text: string; verbAt: number } | null {
  let start = from;
  const lead = LIST_MARKER.exec(s.slice(from, to));
  if (lead) start += lead[0].length;
  // An opening prepositional phrase ends at its comma: "On Wednesday, Acme reported ...".
  const opener = /^(?:On|In|At|By|Under|After|Before|During|For|Since|Last|This|Earlier|Later|Meanwhile|However)\b[^,]{0,60},\s+/.exec(s.slice(start, to));
  if (opener) start += opener[0].length;
  const words = tokenize(s, start, to);
  const v = words.findIndex((_, i) => i > 0 && isVerbAt(words, i));
  if (v <= 0) return null;
  let subj = s.slice(words[0]!.start, words[v - 1]!.end).replace(/,\s*$/, '');
  // "Businesses that have to close can claim": the subject is the noun, not its relative clause.
  subj = subj.replace(/\s+(?:that|who|which)(?:\s.*)?$/u, '');
  // "Northvale's chief executive, Priya Raman, earns": keep the apposition's closing comma.
  if (/,\s/.test(subj) && !/,$/.test(subj)) subj += ',';
  return { text: subj, verbAt: words[v]!.start };
}

const MODAL = /^(?:will|would|could|can|may|might|must|should|shall)$/; // lowercase only: "in May" is a month
const PAST = new Set(['said', 'told', 'rose', 'fell', 'grew', 'won', 'lost', 'paid', 'spent', 'built', 'made', 'took', 'gave', 'found', 'led', 'left', 'met', 'sent', 'began', 'became', 'kept', 'held', 'brought', 'bought', 'sold', 'ran', 'saw', 'wrote', 'chose', 'drove', 'got', 'went', 'came', 'knew', 'thought', 'felt', 'stood', 'meant', 'spoke', 'broke', 'struck', 'fought', 'taught', 'caught', 'was', 'were', 'had', 'did']);

/** Whether a lowercase word can be a verb's base form ("hold", "cost", "open"), by its shape. */
function isBaseForm(w: string): boolean {
  return /^[a-z]+$/.test(w) && !/(?:ed|ing)$/.test(w) && !(/s$/.test(w) && !/ss$/.test(w)) && !PAST.has(w) && !AUX.has(w);
}

type PieceLike = { start: number; end: number; role: string };
/** The piece a run of coordinated verb phrases before `index` hangs on, when its role fits. */
function clauseHost(pieces: PieceLike[], index: number, roles = /^(?:main|resume|coordClause)$/): PieceLike | undefined {
  let h = index - 1;
  while (h >= 0 && pieces[h]!.role === 'coordVp') h--;
  const host = pieces[h];
  return host && roles.test(host.role) ? host : undefined;
}

/** The clause up to and including its last modal, from the clause piece before `index`: "Falk said the city would". */
function modalBefore(sentence: string, pieces: PieceLike[], index: number): string | undefined {
  const host = clauseHost(pieces, index);
  if (!host) return undefined;
  const ws = tokenize(sentence, host.start, pieces[index - 1]!.end);
  let k = ws.length - 1;
  while (k >= 0 && !MODAL.test(ws[k]!.w)) k--;
  if (k < 0) return undefined;
  return sentence.slice(host.start, ws[k]!.end).replace(/^(?:and|but|that)\s+/i, '');
}

/** The reporting clause and the reported subject before a coordinated verb phrase: "The report said pupils". */
function reportedSubject(sentence: string, pieces: PieceLike[], index: number, subject: string | undefined, body: string): string | undefined {
  const host = clauseHost(pieces, index);
  if (!host) return undefined;
  const ws = tokenize(sentence, host.start, host.end);
  const r = ws.findIndex((w) => REPORTING.test(w.w));
  if (r < 0) return undefined;
  const from = ws[r + 1]?.w === 'that' ? r + 2 : r + 1;
  // The reported clause needs its own subject (one to six words) before its verb.
  const v = ws.findIndex((_, i) => i > from && i <= from + 6 && isVerbAt(ws, i));
  if (v <= from) return undefined;
  // "said it had closed the depot and cut 40 jobs": a participle shares the auxiliary.
  const first = body.split(/\s+/)[0] ?? '';
  const end = BE_HAVE.has(ws[v]!.w) && (/^[a-z]+ed$/.test(first) || IRREGULAR.has(first)) ? ws[v]!.end : ws[v - 1]!.end;
  const clause = sentence.slice(host.start, end).replace(/^(?:and|but|that)\s+/i, '');
  if (host.role !== 'resume') return clause;
  return subject ? `${subject} ${clause}` : undefined;
}

/** "cost an estimated ...", "open in 2031": a base form followed by its object or a preposition. */
function vpAfterModal(words: Word[]): boolean {
  const next = words[1];
  return isBaseForm(words[0]?.w ?? '') && !PREPOSITION.test(words[0]!.w) && !DETERMINER.test(words[0]!.w) && Boolean(next) && (/^(?:DET|NUM|ADP|PRON|SYM)$/.test(next!.pos ?? '') || /^[\d$£€]/.test(next!.w));
}

/** Whether the clause that `cur` belongs to has a modal before `at` ("The line will have ..."). */
function afterModal(sentence: string, pieces: PieceLike[], cur: PieceLike, at: number): boolean {
  return modalBefore(sentence, [...pieces, { ...cur, end: at }, { start: at, end: at, role: 'coordVp' }], pieces.length + 1) !== undefined;
}

/** "approval from the league, which the club expects by October" -> "the club expects approval from the league by October". */
function objectRelative(sentence: string, rel: { start: number; end: number }, host: { start: number; end: number } | undefined): string | undefined {
  if (!host) return undefined;
  const ws = tokenize(sentence, rel.start, rel.end).slice(1);
  // Subject words (a determiner, a name or a pronoun first), then the verb within four words.
  if (!/^(?:the|a|an|its|his|her|their|he|she|it|they|we|i|you)$/i.test(ws[0]?.w ?? '') && !/^\p{Lu}/u.test(ws[0]?.w ?? '')) return undefined;
  const v = ws.findIndex((_, i) => i > 0 && i < 5 && isVerbAt(ws, i));
  if (v < 1 || /^(?:is|was|are|were|has|had|have)$/.test(ws[v]!.w)) return undefined;
  // "... which the club expects to ..." still needs an object slot: an object directly after the verb means no gap.
  if (ws[v + 1] && /^(?:the|a|an|its|their|his|her|\d)/i.test(ws[v + 1]!.w)) return undefined;
  const hw = tokenize(sentence, host.start, host.end);
  let k = hw.length - 1;
  while (k >= 0 && !isVerbAt(hw, k)) k--;
  if (k < 0 || k === hw.length - 1) return undefined;
  const object = stripEnd(sentence.slice(hw[k + 1]!.start, host.end));
  const verbEnd = ws[v]!.end;
  return `${cap(sentence.slice(ws[0]!.start, verbEnd))} ${object}${sentence.slice(verbEnd, rel.end).replace(/[,;:\s]+$/, '')}`;
}

/** A proper name and nothing else: "Dean Marsh", "Whitfield", "Dr Ines Calder". */
function isName(s: string): boolean {
  const ws = s.trim().replace(/[,\s]+$/, '').split(/\s+/);
  return ws.length <= 5 && ws.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w)) && !/^(?:The|A|An|This|That|These|Those|Its|His|Her|Their)$/.test(ws[0]!);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentenceText(s: string): string {
  const t = s.trim().replace(/[,;:\s]+$/, '');
  return /[.!?"\u201d]$/u.test(t) ? t : `${t}.`;
}

function stripEnd(s: string): string {
  const t = s.trim().replace(/[,;:\s]+$/, '');
  // "Northvale Water Ltd." keeps its dot; a sentence's full stop goes.
  return /\b(?:Inc|Corp|Ltd|Co|Jr|Sr|St|Dr|Mr|Mrs|Ms|Plc|Bros)\.$|\b(?:\p{L}\.){2,}$/u.test(t) ? t : t.replace(/[.\s]+$/, '');
}

/** True when offset `i` is inside quotation marks or parentheses: a quoted list is one statement. */
function enclosed(s: string, i: number): boolean {
  const before = s.slice(0, i);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = (before.match(/\u201c/g) ?? []).length > (before.match(/\u201d/g) ?? []).length;
  const paren = (before.match(/\(/g) ?? []).length > (before.match(/\)/g) ?? []).length;
  return straight || curly || paren;
}

type Role = 'head' | 'main' | 'rel' | 'coordVp' | 'coordPP' | 'coordClause' | 'resume' | 'sub' | 'part' | 'appos' | 'frag';
type Piece = { start: number; end: number; role: Role; antecedent?: string; reduced?: boolean; reducedAt?: number; reducedResume?: number; prefix?: string; open?: boolean };

/** Returns the atomic spans (offsets relative to `sentence`), in order, with self-contained text. */
export function splitAtoms(sentence: string, pos: SentencePos = tagSentencePos(sentence)): Atom[] {
  cachedPos = pos;
  posSentence = pos ? sentence : '';
  cachedFor = '';
  const whole: Atom[] = [{ start: 0, end: sentence.length, text: sentence, kind: 'sentence' }];
  if (sentence.length > 1500 || !/[,;]|\b(?:and|but|who|that|after|because|although|though|whereas|when|before|since)\b/.test(sentence)) return whole;
  let begin = 0;
  const lead = LIST_MARKER.exec(sentence);
  if (lead) begin = lead[0].length;

  const pieces: Piece[] = [];
  let cur: Piece = { start: begin, end: sentence.length, role: 'main' };
  const close = (at: number, next: Piece) => {
    cur.end = at;
    pieces.push(cur);
    cur = next;
  };
  const sep = /;\s+|,\s+(?:(?:and|but|while|whereas)\s+(?:that\s+)?)?|\s+(?:and|but)\s+(?:that\s+)?|\s+(?=(?:who|that)\s)|\s+(?=(?:after|because|although|though|whereas|since)\s)/g;
  sep.lastIndex = begin;
  for (let m = sep.exec(sentence); m; m = sep.exec(sentence)) {
    const at = m.index;
    const resume = at + m[0].length;
    if (enclosed(sentence, at)) continue;
    const right = tokenize(sentence, resume);
    const first = right[0]?.w ?? '';
    const firstLower = first.toLowerCase();
    // The clause to the right ends at the next separator.
    const nextSep = /;\s|,\s|\s+(?:and|but)\s/.exec(sentence.slice(resume));
    const rightEnd = nextSep ? resume + nextSep.index : sentence.length;
    const rightWords = tokenize(sentence, resume, rightEnd);
    const conj = /\b(?:and|but|while|whereas)\b/.test(m[0]) || m[0].startsWith(';');
    const thatComplement = /\bthat\s+$/.test(m[0]);
    const leftHasVerb = hasVerb(sentence, cur.start, at);

    if (conj) {
      // "and behaved well": two words are enough when the first is a tagged verb.
      if (rightWords.length < 3 && !thatComplement && !(rightWords.length === 2 && rightWords[0]!.pos === 'VERB' && isVerbAt(rightWords, 0))) continue;
      // "between his country and the U.S.": the "and" joins two nouns.
      if (/\b(?:between|both)\s+(?:\S+\s+){0,4}$/i.test(sentence.slice(cur.start, at + 1))) continue;
      if (!leftHasVerb && cur.role !== 'coordVp') continue;
      const leftLast = tokenize(sentence, cur.start, at).pop()?.w ?? '';
      // "at sixes and sevens all week": two plural nouns; "boats and employs 230 crew" is a verb.
      const nounPair = /s$/.test(leftLast) && /s$/.test(first) && !isVerbAt(tokenize(sentence, cur.start, at), tokenize(sentence, cur.start, at).length - 1)
        && !/^(?:\d|the$|a$|an$|its$|their$|his$|her$)/i.test(rightWords[1]?.w ?? '');
      if ((isVerbAt(rightWords, 0) && !nounPair) || (afterModal(sentence, pieces, cur, at) && vpAfterModal(rightWords) && (cur.role === 'coordVp' || /\band\s+$/.test(m[0])))) {
        close(at, { start: resume, end: sentence.length, role: 'coordVp' });
        continue;
      }
      // "asking for a seat and for a guarantee": the same preposition repeated after "and" opens a
      // second object of the same verb; the words before the first one are carried.
      // ("to" is left out: "to tackle A and to help B" are infinitives, not objects.)
      if (/^(?:for|on|in|about|against|with)$/.test(first) && /\band\s+$/.test(m[0]) && !/,/.test(m[0])) {
        const left = sentence.slice(cur.start, at);
        const p = left.lastIndexOf(` ${first} `);
        if (p > 0 && hasVerb(sentence, cur.start, cur.start + p) && rightWords.length >= 3) {
          const prefix = cur.role === 'coordPP' && cur.prefix ? cur.prefix : sentence.slice(cur.start, cur.start + p);
          close(at, { start: resume, end: sentence.length, role: 'coordPP', prefix });
          continue;
        }
      }
      // A clause with its own subject: "the works were shut down", "the council said ...",
      // "two people familiar with the deal said ...".
      const subjectLike = /^(?:the|a|an|its|his|her|their|this|these|those|he|she|it|they|we|no|some|all|many|most|two|three|four|five|six|seven|eight|nine|ten|several|\d[\d,.]*)$/i.test(first) || /^\p{Lu}/u.test(first);
      const afterComma = m[0].startsWith(',') && !PREPOSITION.test(first) && !/^[a-z]+ly$/.test(first);
      const v = rightWords.findIndex((_, i) => i > 0 && i < (subjectLike && afterComma ? 10 : 6) && isVerbAt(rightWords, i));
      if (v > 0 && (subjectLike || thatComplement || afterComma)) close(at, { start: resume, end: sentence.length, role: 'coordClause' });
      // "..., and the town's festival, which draws 20,000 people, has been postponed": the second
      // clause's subject carries a relative clause before its verb.
      else if (subjectLike && /^,\s+(?:which|who)\s/.test(sentence.slice(rightEnd)) && !hasVerb(sentence, resume, rightEnd)) close(at, { start: resume, end: sentence.length, role: 'coordClause' });
      continue;
    }
    if (/^\s+$/.test(m[0]) && SUBORDINATOR.test(firstLower)) {
      // "Police closed the road after a section of sea wall collapsed": a subordinate clause with
      // its own subject and verb states its own fact; "after losses of £11 million" (no verb) and
      // conditions ("if", "until", "while") stay with their clause. Without a comma "when" and
      // "before" restrict the time of the main event ("was deducted 10 points when it entered
      // administration"): one fact; "since it was created in 2002" presupposes its event: split.
      // The verb must be the clause's own, not one inside a relative clause ("after a rebuild
      // that cost $31 million" states no event of its own).
      const rel = rightWords.findIndex((w, i) => i > 1 && /^(?:that|which|who|whom|whose)$/i.test(w.w));
      const v = rightWords.findIndex((_, i) => i > 1 && i < 9 && (rel < 0 || i < rel) && isVerbAt(rightWords, i));
      const subj = /^(?:the|a|an|its|his|her|their|this|these|those|he|she|it|they|we|i|you|some|many|most|\d[\d,.]*)$/i.test(rightWords[1]?.w ?? '') || /^\p{Lu}/u.test(rightWords[1]?.w ?? '');
      if (v > 1 && subj && !isVerbAt(rightWords, 1) && (leftHasVerb || pieces.length > 0)) close(at, { start: resume, end: sentence.length, role: 'sub' });
      continue;
    }
    if (/^\s+$/.test(m[0])) {
      // "who"/"that" without a comma: a restrictive relative clause. It adds its own fact after a
      // proper name ("... General Hospital who was not involved") or when it states its own number.
      if (!isVerbAt(right, 1) && !(right[1] && AUX.has(right[1].w))) continue;
      const leftWords = tokenize(sentence, cur.start, at);
      // A capital at the sentence's start is no proper name: "Workers who are offered ...".
      const prevWord = leftWords.length > 1 || cur.start > begin ? leftWords.pop()?.w ?? '' : '';
      const ownNumber = /\d/.test(sentence.slice(resume, rightEnd));
      const afterName = firstLower === 'who' && /^\p{Lu}/u.test(prevWord);
      // In an apposition ("Whitfield, a former teacher who ran the food bank, ...") a "who" clause
      // describes the named person: a fact of its own.
      if (!afterName && !(cur.role === 'appos' && (ownNumber || firstLower === 'who'))) continue;
      close(at, { start: resume, end: sentence.length, role: 'rel' });
      continue;
    }
    // A comma.
    // "will have four stations, cost $1 billion and open in 2031": a list of verb phrases that
    // share one modal. Only when an "and" ends the list later in the sentence.
    if (vpAfterModal(rightWords) && afterModal(sentence, pieces, cur, at) && /\s(?:and|or)\s+[a-z]+\s/.test(sentence.slice(rightEnd))) {
      close(at, { start: resume, end: sentence.length, role: 'coordVp' });
      continue;
    }
    if (cur.role === 'appos' && PREPOSITION.test(firstLower) && pieces.length) {
      // "the eighth veto by Russia, a close ally of Assad, on a Syria resolution": the apposition
      // sat in the middle of its clause, which goes on.
      const host = pieces.pop()!;
      cur = { start: host.start, end: sentence.length, role: host.role };
      continue;
    }
    // ", some of whom will lose their gardens": a quantified relative clause adds a fact too.
    const quantified = /^(?:some|many|most|all|none|one|two|three|several|few|half|each|both|any|part)$/.test(firstLower) && right[1]?.w === 'of' && /^(?:whom|which)$/.test(right[2]?.w ?? '');
    if (/^(?:which|who|whom|whose)$/.test(firstLower) || quantified) {
      close(at, { start: resume, end: sentence.length, role: 'rel' });
      continue;
    }
    // A reduced relative clause between commas: "the bridge, shut for 30 days, would reopen".
    if (/^[a-z]{3,}(?:ed|en)$|^(?:shut|cut|built|made|sold|hit|set|put|closed|held|led|paid|known|given|taken|seen|born)$/.test(first) && !isVerbAt(right, 1) && nextSep && sentence.slice(resume + nextSep.index).startsWith(',')) {
      const after = tokenize(sentence, rightEnd);
      if (isVerbAt(after, 0)) {
        // After a bare subject ("The unit, launched in 2024, accounted for ..."), the clause is a
        // fact of its own about that subject; inside a clause it stays with it (below).
        close(at, { start: resume, end: sentence.length, role: 'rel', reduced: leftHasVerb });
        continue;
      }
    }
    if (cur.role === 'rel' || cur.role === 'appos') {
      // After a relative clause, a past tense that is also a noun ("which lasted ten days, cost the
      // firm $3 million") resumes the main clause when an object follows it.
      const nounOrPast = /^(?:cost|hurt|spread|cast|quit|split|forecast)$/.test(firstLower) && /^(?:the|a|an|its|their|his|her|\d|\$|£|€|about|more|nearly|almost|over)/i.test(right[1]?.w ?? '');
      if (isVerbAt(right, 0) || nounOrPast) {
        close(at, { start: resume, end: sentence.length, role: 'resume' });
        continue;
      }
      if (cur.role === 'rel' && PREPOSITION.test(firstLower) && !hasVerb(sentence, resume, rightEnd)) {
        close(at, { start: resume, end: sentence.length, role: 'frag' });
        continue;
      }
    }
    const inClause = leftHasVerb || pieces.length > 0;
    // ", with 85,000 residents", ", with debts of £4.7 million", ", up from 42 cents", ", compared
    // with a loss of $3 million": a quantity attached to the clause is a fact of its own; its text
    // keeps the clause it hangs on.
    const attached = /^(?:with|up|down|ahead|compared|against|versus|from)$/.test(firstLower) && (firstLower === 'with' || /^(?:from|of|with|to)$/i.test(right[1]?.w ?? '') || firstLower === 'from' || firstLower === 'against' || firstLower === 'versus');
    if (attached && QUANTITY.test(sentence.slice(resume, rightEnd)) && inClause) {
      close(at, { start: resume, end: sentence.length, role: 'part' });
      continue;
    }
    // ", as orders grew faster than expected": "as" opens a clause only with its own subject and verb.
    if (firstLower === 'as' && inClause && rightWords.findIndex((_, i) => i > 1 && i < 9 && isVerbAt(rightWords, i)) > 1 && !isVerbAt(rightWords, 1) && (/^(?:the|a|an|its|his|her|their|this|these|those|he|she|it|they|we|some|many|most|\p{Lu}.*)$/u.test(rightWords[1]?.w ?? '') || rightWords[1]?.pos === 'NOUN')) {
      close(at, { start: resume, end: sentence.length, role: 'sub' });
      continue;
    }
    if (SUBORDINATOR.test(firstLower) && inClause) {
      close(at, { start: resume, end: sentence.length, role: 'sub' });
      continue;
    }
    // "in reading, writing and maths": an -ing word followed by "and" is a list item, not a clause.
    if (/^[a-z]{3,}ing$/.test(first) && !PREP_ING.test(first) && !/^(?:and|or)$/.test(right[1]?.w ?? 'and') && leftHasVerb) {
      close(at, { start: resume, end: sentence.length, role: 'part' });
      continue;
    }
    // ", a survey found" / ", the company said" is a reporting clause, not an apposition.
    const tail = tokenize(sentence, resume).map((w) => w.w);
    // Only within this piece: in "Marta Lind, the town's councillor, announced on Friday that ..."
    // the reporting verb belongs to the main clause after the apposition.
    const reportingTail = (rightWords.length <= 6 && rightWords.some((w) => REPORTING.test(w.w))) || (tail.length <= 8 && tail.some((w) => REPORTING.test(w))) || /^(?:according)$/i.test(tail[tail.length - 2] ?? '');
    // "Despite hopes of better ties, the two powers have descended into ...": after an opening
    // phrase with no verb, a noun phrase with its own verb is the main clause, not an apposition.
    const ownClause = sentence.slice(resume, rightEnd).search(/\s(?:who|which|that|whose)\s/);
    if (APPOS_START.test(firstLower) && !leftHasVerb && hasVerb(sentence, resume, ownClause > 0 ? resume + ownClause : rightEnd) && pieces.length === 0) continue;
    if (APPOS_START.test(firstLower) && !reportingTail && (cur.role === 'main' || cur.role === 'head' || cur.role === 'resume' || cur.role === 'coordVp' || cur.role === 'coordClause')) {
      close(at, { start: resume, end: sentence.length, role: 'appos' });
      continue;
    }
  }
  pieces.push(cur);

  // A mid-sentence apposition that the main clause resumes after ("The regulator, the Water
  // Standards Board, listed ...") is part of the subject: undo the split.
  for (let i = pieces.length - 1; i > 0; i--) {
    const p = pieces[i]!;
    if (p.role === 'resume' && pieces[i - 1]!.role === 'appos') {
      const a = pieces[i - 1]!;
      const host = pieces[i - 2];
      // "Dean Marsh, the club's top scorer, had turned down ...": after a name, a description
      // is a fact of its own ("Dean Marsh is the club's top scorer"); after a common noun
      // ("The regulator, the Rail Safety Office, fined ...") it only names the subject.
      const described = host && host === pieces[0] && isName(sentence.slice(host.start, host.end)) && /^(?:a|an|the)\s+\p{Ll}|^\p{Ll}[\p{L}'’]*'s\s/u.test(sentence.slice(a.start, a.end)) && !hasVerb(sentence, host.start, host.end);
      if (described) continue;
      // "he confirmed that striker Josh Arkwright, the club's top scorer, had turned down ...":
      // the same inside a clause; the clause is completed by the piece after the apposition.
      const hostText = host ? sentence.slice(host.start, host.end).replace(/[,\s]+$/, '') : '';
      const endsWithName = /\s(?:\p{Lu}[\p{L}'’.-]*\s){0,3}\p{Lu}[\p{L}'’.-]*$/u.test(hostText);
      if (host && endsWithName && /^(?:a|an|the)\s+\p{Ll}|^\p{Ll}[\p{L}'’]*'s\s/u.test(sentence.slice(a.start, a.end)) && /^(?:main|coordClause)$/.test(host.role)) {
        host.open = true;
        continue;
      }
      if (host && !hasVerb(sentence, host.start, host.end)) {
        host.end = p.end;
        pieces.splice(i - 1, 2);
        i--;
      } else {
        a.end = p.end;
        a.role = 'main';
        pieces.splice(i, 1);
      }
    }
  }
  if (pieces.length === 1) return [{ ...whole[0]!, start: pieces[0]!.start, text: pieces[0]!.start ? sentenceText(cap(sentence.slice(pieces[0]!.start))) : sentence }];

  // "said the bridge, shut for 30 days,": the reduced relative clause stays with the clause that
  // names its noun, read as "said the bridge was shut for 30 days".
  for (let i = pieces.length - 1; i > 0; i--) {
    const p = pieces[i]!;
    const host = pieces[i - 1]!;
    if (p.reduced && host.role === 'main' && hasVerb(sentence, host.start, host.end)) {
      host.reducedAt = host.end;
      host.reducedResume = p.start;
      host.end = p.end;
      pieces.splice(i, 1);
    }
  }
  const first = pieces[0]!;
  if (!hasVerb(sentence, first.start, first.end)) first.role = 'head';
  // "Dr Omar Haddad, an emergency physician at X who ...": name and apposition are one fact.
  if (first.role === 'head' && pieces[1]?.role === 'appos') {
    first.end = pieces[1].end;
    pieces.splice(1, 1);
  }
  // The sentence's subject: the head before a relative clause, or the first clause's subject.
  const headText = first.role === 'head' ? stripEnd(sentence.slice(first.start, first.end)) : undefined;
  const firstSubj = first.role === 'main' ? subjectOf(sentence, first.start, first.end) : null;
  const subject = headText?.replace(/,\s.*$/, '') ?? firstSubj?.text;
  // "X said A": the reporting clause to repeat before a second reported fact.
  let report: string | undefined;
  const reportIn = pieces.find((p) => p.role === 'main' || p.role === 'resume');
  if (reportIn) {
    const ws = tokenize(sentence, reportIn.start, reportIn.end);
    const r = ws.findIndex((w, i) => REPORTING.test(w.w) && i < ws.length - 2);
    if (r >= 0) {
      // "told reporters after training that ...": the reporting clause runs to its "that".
      const that = ws.findIndex((w, i) => i > r && w.w === 'that' && !ws.slice(r + 1, i).some((_, j) => isVerbAt(ws, r + 1 + j)));
      const upto = sentence.slice(reportIn.start, ws[that > r && that - r <= 6 ? that : r]!.end);
      report = reportIn.role === 'resume' && subject ? `${subject} ${upto}` : upto;
      if (LIST_MARKER.test(report)) report = report.replace(LIST_MARKER, '');
    }
  }

  const atoms: Atom[] = [];
  let lastClause: Atom | undefined;
  let prev: Piece | undefined;
  for (const p of pieces) {
    let start = p.start;
    let end = p.end;
    while (end > start && /[\s,;:.]/.test(sentence[end - 1]!)) end--;
    // Keep the sentence's own final punctuation on the last atom.
    if (p.end === sentence.length) end = sentence.trimEnd().length;
    const quote = sentence.slice(start, end);
    if (!quote.trim()) { prev = p; continue; }
    let text: string;
    let kind: AtomKind = 'clause';
    switch (p.role) {
      case 'head':
        // "Dr Omar Haddad, an emergency physician at X": an apposition states its own fact.
        {
          const appos = /^(.+?),\s+((?:a|an|the)\s.+)$/u.exec(stripEnd(quote));
          if (!appos) { prev = p; continue; }
          text = `${appos[1]} is ${appos[2]}.`;
          kind = 'apposition';
        }
        break;
      case 'main':
        // "it appeared that Trump, who praised Putin, was poised": the clause is completed by the
        // piece after the relative clause, whose text carries this one.
        if (p.open || (pieces[pieces.indexOf(p) + 1]?.role === 'rel' && pieces[pieces.indexOf(p) + 2]?.role === 'resume' && p.reducedAt === undefined)) { prev = p; continue; }
        text = p.reducedAt !== undefined
          ? sentenceText(`${sentence.slice(start, p.reducedAt)} was ${sentence.slice(p.reducedResume, end)}`)
          : start === 0 && end === sentence.length ? sentence : sentenceText(quote);
        break;
      case 'resume':
        // "The department said the bridge, shut for 30 days, would reopen": the clause before the
        // relative clause is the start of this one.
        if (prev?.role === 'main' && prev.reducedAt !== undefined) {
          text = sentenceText(`${stripEnd(sentence.slice(prev.start, prev.reducedAt))} ${quote}`);
          break;
        }
        if (prev?.role === 'appos' && pieces[pieces.indexOf(p) - 2]?.open) {
          const host = pieces[pieces.indexOf(p) - 2]!;
          // "said the treasurer, Omar Field, had resigned": the name's apposition commas close.
          const h = stripEnd(sentence.slice(host.start, host.end)).replace(/^(?:and|but)\s+/i, '');
          text = sentenceText(cap(`${h}${/,\s/.test(h) ? ',' : ''} ${quote}`));
          break;
        }
        if (/^(?:main|coordClause)$/.test(pieces[pieces.indexOf(p) - 2]?.role ?? '') && prev?.role === 'rel') {
          const host = pieces[pieces.indexOf(p) - 2]!;
          text = sentenceText(cap(`${stripEnd(sentence.slice(host.start, host.end)).replace(/^(?:and|but|that)\s+/i, '')} ${quote}`));
          break;
        }
      // falls through
      case 'coordVp': {
        const body = quote.replace(/^(?:and|but)\s+/i, '');
        // "said the city would publish A and hold B": a base-form verb continues the clause of the
        // last modal, so that clause (reporting verb, subject and modal) is carried, not just
        // the sentence's subject ("Falk hold B" would be a broken sentence).
        const modal = isBaseForm(body.split(/\s+/)[0] ?? '') ? modalBefore(sentence, pieces, pieces.indexOf(p)) : undefined;
        if (modal) {
          text = sentenceText(`${cap(modal)} ${body}`);
          break;
        }
        // "The report said pupils felt safe and behaved well": the verb phrase continues the
        // reported clause, so "The report said pupils" is carried; a second reporting verb
        // ("... and added that ...") goes with the sentence's subject.
        const reported = p.role === 'coordVp' && !REPORTING.test(body.split(/\s+/)[0] ?? '') ? reportedSubject(sentence, pieces, pieces.indexOf(p), subject, body) : undefined;
        if (reported) {
          text = sentenceText(`${cap(reported)} ${body}`);
          break;
        }
        // "the former captain who made 512 appearances and died in June": the verb phrase goes on
        // the relative clause, whose antecedent is its subject.
        const rel = p.role === 'coordVp' ? clauseHost(pieces, pieces.indexOf(p), /^rel$/) as Piece | undefined : undefined;
        const relAnte = rel?.antecedent;
        const subj = relAnte ?? subject ?? lastClause?.text.split(/\s+/).slice(0, 2).join(' ');
        if (!subj) { text = sentenceText(body); break; }
        // "The study was funded ... and published in ...": the auxiliary is carried too.
        const firstWord = body.split(/\s+/)[0] ?? '';
        const aux = firstSubj && /^[a-z]+ed$/.test(firstWord) ? tokenize(sentence, firstSubj.verbAt).find((w) => BE_HAVE.has(w.w))?.w : undefined;
        const auxBefore = aux && tokenize(sentence, firstSubj!.verbAt)[0]?.w === aux ? `${aux} ` : '';
        text = sentenceText(`${subj} ${auxBefore}${body}`);
        break;
      }
      case 'coordPP':
        text = sentenceText(`${stripEnd(p.prefix ?? '')} ${quote}`);
        break;
      case 'coordClause': {
        if (p.open || (pieces[pieces.indexOf(p) + 1]?.role === 'rel' && pieces[pieces.indexOf(p) + 2]?.role === 'resume' && !hasVerb(sentence, p.start, p.end))) { prev = p; continue; }
        const body = quote.replace(/^that\s+/i, '');
        text = report && prev && (prev.role === 'main' || prev.role === 'resume' || prev.role === 'coordClause') && !/\b(?:said|says|told)\b/.test(body.split(/\s+/).slice(0, 5).join(' '))
          ? sentenceText(`${report} ${body}`)
          : sentenceText(cap(body));
        break;
      }
      case 'rel': {
        kind = 'relative';
        const quant = /^(\w+)\s+of\s+(?:whom|which)\s+(.*)$/isu.exec(quote);
        const m = quant ? null : /^(which|who|whom|whose|that)\s+(.*)$/isu.exec(quote);
        const body = m ? m[2]! : quote;
        const before = prev ? stripEnd(sentence.slice(prev.start, prev.end)) : '';
        let ante: string;
        if (prev?.role === 'head') {
          ante = before.replace(/,\s.*$/, '');
          // "Shares in Baltram, which is listed": a singular verb agrees with the name after the
          // preposition, not with the plural head.
          const pp = /^(\p{L}+s)\s+(?:in|of|at)\s+(\p{Lu}[\p{L}'’. -]*)$/u.exec(ante);
          if (pp && /^(?:which|that)$/i.test(m?.[1] ?? '') && /^(?:is|was|has)\b/.test(body)) ante = pp[2]!;
        }
        else if (m?.[1]?.toLowerCase() === 'who' && headText && prev === pieces[0]) ante = headText;
        else if (prev?.role === 'appos' && pieces[pieces.indexOf(prev) - 1]) {
          ante = stripEnd(sentence.slice(prev.start, prev.end)).replace(/^(?:a|an)\s/i, 'the ');
        } else {
          // The noun phrase right before the comma: the words after the last verb of that piece.
          const ws = tokenize(sentence, prev?.start ?? 0, prev?.end ?? 0);
          let k = ws.length;
          while (k > 0) {
            const w = ws[k - 1]!.w;
            if (isVerbAt(ws, k - 1) || (ws[k - 1]!.pos === 'VERB' && /^\p{Ll}/u.test(w)) || /^[a-z]+(?:ing|ly)$/.test(w) || /^(?:now|also|then|still|just)$/i.test(w) || (PREPOSITION.test(w) && w.toLowerCase() !== 'of')) break;
            k--;
          }
          ante = ws.slice(k).map((w) => w.w).join(' ').replace(/^(?:a|an)\s/i, 'the ') || before;
        }
        if (/^who\b/i.test(quote) && headText && /^\p{Lu}/u.test(headText) && prev?.role !== 'head' && pieces.indexOf(prev!) === 1 && pieces[0]!.role === 'head') ante = subject ?? ante;
        p.antecedent = cap(ante);
        const reduced = !m && !quant;
        // An object relative ("which the club expects by October"): its subject and verb come
        // first, then the antecedent, which is the whole object of the host clause.
        const object = m && /^(?:which|that|whom)$/i.test(m[1]!) ? objectRelative(sentence, p, prev) : undefined;
        if (quant) {
          // "Residents of X, some of whom": a capital only because the sentence starts there.
          const a = /^\p{Lu}\p{Ll}+\s\p{Ll}/u.test(ante) && sentence.startsWith(ante) ? `the ${ante.charAt(0).toLowerCase()}${ante.slice(1)}` : ante;
          text = sentenceText(`${cap(quant[1]!.toLowerCase())} of ${a} ${quant[2]}`);
        } else if (object) text = sentenceText(object);
        else text = m?.[1]?.toLowerCase() === 'whose' ? sentenceText(`${cap(ante)}'s ${body}`) : sentenceText(`${cap(ante)} ${reduced ? 'was ' : ''}${body}`);
        break;
      }
      case 'sub': {
        kind = 'dependent';
        const body = quote.replace(/^\w+\s+/, '');
        // "started work before their checks were complete" does not say the checks were complete:
        // a "before" clause keeps its host.
        text = !/^before\b/i.test(quote) && hasVerb(body, 0, body.length) && subjectOf(body, 0, body.length)
          ? sentenceText(cap(body))
          : sentenceText(`${stripEnd(lastClause?.text ?? '')}, ${quote}`);
        break;
      }
      case 'appos': {
        kind = 'apposition';
        const before = prev ? stripEnd(sentence.slice(prev.start, prev.end)) : '';
        const name = /((?:\p{Lu}[\p{L}'’-]*\s?)+)$/u.exec(before)?.[1]?.trim();
        // "X is <apposition>" only for a name described by a noun phrase: a date ("from April,
        // the largest rise ...") is not what the apposition describes, and a piece with its own
        // verb ("... Office, two grades below the rating it received") keeps its clause instead.
        const describes = name && !/\d/.test(name) && !/^(?:The|A|An)$/.test(name) && !MONTH_OR_DAY.test(name) && !hasVerb(sentence, p.start, p.end);
        text = describes
          ? sentenceText(`${name} is ${quote}`)
          : sentenceText(`${stripEnd(lastClause?.text ?? before)}, ${quote}`);
        break;
      }
      case 'part':
        kind = 'dependent';
        text = sentenceText(`${stripEnd(lastClause?.text ?? '')}, ${quote}`);
        break;
      case 'frag':
        // ", for a follow-up study" belongs to the clause before the relative clause.
        if (lastClause) lastClause.text = sentenceText(`${stripEnd(lastClause.text)} ${quote.replace(/[.!?]+$/, '')}`);
        prev = p;
        continue;
    }
    const atom: Atom = { start, end, text, kind };
    if (kind === 'clause' || kind === 'apposition') lastClause = atom;
    atoms.push(atom);
    prev = p;
  }
  return atoms.length ? atoms : whole;
}
