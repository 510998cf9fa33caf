// Turns a sentence into the sparse feature vector the check-worthiness model scores. The same code
// runs at training time (scripts/train-claims.ts) and at extraction time, so they cannot drift.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { sentenceVector } from './embeddings';
import { ADVICE, ATTRIBUTION, CAUSAL, CHANGE_VERBS, COMPARATIVE, FIRST_PERSON, FUTURE, HEDGE, MODAL, OPINION } from './cues';
import { numberMentions } from './quantity';
import { subjectivityScore } from './subjectivity';

export type Features = Map<string, number>;

// wink-nlp's English model (MIT, shipped inside the npm package: nothing is downloaded) gives
// part-of-speech tags, lemmas and numeric entity types: features that carry over from debate speech
// to news copy better than the words themselves.
// Only the passes whose output is read: sentences, entities, POS (lemmas follow from POS). wink's
// negation and sentiment passes write nothing POS tagging or NER reads (their setters touch a token
// flag and sentence scores only), so tags are the same without them (scripts/check-claims-identical.ts)
// and tagging costs about a tenth less.
const nlp = winkNLP(model, ['sbd', 'ner', 'pos']);
const its = nlp.its;

/** wink-nlp's tags for one sentence: per token POS and lemma, and the entity types found. */
export type Tags = { pos: string[]; lemmas: string[]; entityTypes: string[] };

/** A whole document tagged once, with each token's character offsets so sentences can be sliced out. */
export type TaggedDoc = { starts: Int32Array; ends: Int32Array; pos: string[]; lemmas: string[]; entities: Array<{ start: number; end: number; type: string }> };

export function tagDocument(text: string): TaggedDoc {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // its.lemma's type in wink-nlp's declarations disagrees with its own out() signature.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  // wink-nlp keeps every character: preceding spaces + token values rebuild the text exactly.
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    at += spaces[i]!.length;
    starts[i] = at;
    at += values[i]!.length;
    ends[i] = at;
  }
  const spans = doc.entities().out(its.span) as unknown as Array<[number, number]>;
  const types = doc.entities().out(its.type) as string[];
  const entities = spans.map(([a, b], i) => ({ start: starts[a]!, end: ends[b]!, type: types[i]! }));
  return { starts, ends, pos, lemmas, entities };
}

/** Indexes [lo, stop) of the tokens lying inside [start, end) of a tagged document. */
function tokenRange(doc: TaggedDoc, start: number, end: number): [number, number] {
  let lo = 0;
  let hi = doc.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  let stop = lo;
  while (stop < doc.starts.length && doc.ends[stop]! <= end) stop++;
  return [lo, stop];
}

/** A token of a span with its text, lower-cased lemma and POS; offsets relative to the span's start. */
export type SpanToken = { text: string; lemma: string; pos: string; start: number; end: number };

/**
 * The tokens inside [start, end) of `source`, whose slice from `offset` is the text tagDocument
 * tagged; token offsets relative to `start`. The relation frames read these instead of tagging each
 * claim's quote again: the tags are wink's in the context of the paragraph, not of the quote alone
 * (decision 034, addendum).
 */
export function tokensFor(doc: TaggedDoc, source: string, offset: number, start: number, end: number): SpanToken[] {
  const [lo, stop] = tokenRange(doc, start - offset, end - offset);
  const out: SpanToken[] = [];
  for (let i = lo; i < stop; i++) {
    const s = doc.starts[i]! + offset;
    const e = doc.ends[i]! + offset;
    out.push({ text: source.slice(s, e), lemma: doc.lemmas[i]!.toLowerCase(), pos: doc.pos[i]!, start: s - start, end: e - start });
  }
  // A span that ends inside a token: "... to Meridian Tunnelling Corp" is a claim whose quote leaves
  // out the full stop wink keeps in "Corp.". The quote tagged alone has "Corp": keep the cut word.
  if (stop < doc.starts.length && doc.starts[stop]! + offset < end) {
    const s = doc.starts[stop]! + offset;
    const text = source.slice(s, end);
    out.push({ text, lemma: text.toLowerCase(), pos: doc.pos[stop]!, start: s - start, end: end - start });
  }
  return out;
}

/** The tags of the tokens lying inside [start, end) of a document tagged by tagDocument. */
export function tagsFor(doc: TaggedDoc, start: number, end: number): Tags {
  const [lo, stop] = tokenRange(doc, start, end);
  // Entities come in text order: find the first at or after `start` instead of scanning them all.
  let e = 0;
  let eHi = doc.entities.length;
  while (e < eHi) {
    const mid = (e + eHi) >> 1;
    if (doc.entities[mid]!.start < start) e = mid + 1;
    else eHi = mid;
  }
  const entityTypes: string[] = [];
  for (; e < doc.entities.length && doc.entities[e]!.start < end; e++) if (doc.entities[e]!.end <= end) entityTypes.push(doc.entities[e]!.type);
  return { pos: doc.pos.slice(lo, stop), lemmas: doc.lemmas.slice(lo, stop), entityTypes };
}

export function tagSentence(sentence: string): Tags {
  const doc = tagDocument(sentence);
  return { pos: doc.pos, lemmas: doc.lemmas, entityTypes: doc.entities.map((e) => e.type) };
}

// Scanned with exec(): matchAll copies the regex and builds an iterator per sentence.
const TOKEN_RE = /[\p{L}][\p{L}'’-]*|\d[\d,.]*%?|[$€£%?!]/gu;
const YEAR_TOKEN = /^(1[6-9]|20)\d\d$/;

export function tokenize(sentence: string): string[] {
  const out: string[] = [];
  TOKEN_RE.lastIndex = 0;
  // Scoring tokenises every sentence and atom: a number token is classified by its first character
  // without lower-casing it, and only a word holding a curly apostrophe pays for replace().
  for (let m = TOKEN_RE.exec(sentence); m; m = TOKEN_RE.exec(sentence)) {
    const raw = m[0];
    const c = raw.charCodeAt(0);
    if (c >= 48 && c <= 57) out.push(raw.endsWith('%') ? '<pct>' : YEAR_TOKEN.test(raw) ? '<year>' : '<num>');
    else {
      const t = raw.toLowerCase();
      out.push(t.includes('’') ? t.replace(/’/g, "'") : t);
    }
  }
  return out;
}

function add(f: Features, key: string, v = 1): void {
  f.set(key, (f.get(key) ?? 0) + v);
}

/**
 * Feature families, by key prefix: w word, b word bigram, p/pb POS tag and
 * bigram, v verb lemma, e entity type, d mean word vector, q what each number is used for
 * (lib/claims/quantity.ts), s subjectivity, r the former hard rules, x other cues. `off` drops
 * families (ablations in scripts/eval-claims.ts); the shipped model uses them all.
 */
export function featurize(sentence: string, tags: Tags = tagSentence(sentence), off?: ReadonlySet<string>): Features {
  const f: Features = new Map();
  const vec = featureParts(sentence, tags, (key, v) => add(f, key, v), off);
  if (vec && !off?.has('d')) vec.forEach((v, d) => add(f, `d:${d}`, VECTOR_WEIGHT * v));
  if (off?.size) for (const k of [...f.keys()]) if (off.has(k.slice(0, k.indexOf(':')))) f.delete(k);
  return f;
}

// The sentence's mean word vector weighs 2 against the sparse features (chosen by CV).
export const VECTOR_WEIGHT = 2;

export type Emit = (key: string, value: number) => void;
/**
 * Takes the word and bigram features at once (a scorer reads their weights by token id,
 * lib/claims/token-index.ts): it must act as emit("w:" + t, 1) for each token, then
 * emit("b:" + a + "_" + b, 1) for each pair of the sentence padded with <s> and </s>.
 */
export type WordsEmit = (toks: string[]) => void;
/**
 * Takes the POS, verb-lemma and entity features at once (model.ts reads their weights through caches
 * keyed by the tag itself): it must act as, for each token i, emit("p:" + pos[i], 0.5), then
 * emit("pb:" + pos[i] + "_" + pos[i + 1], 0.5) unless i is last, then emit("v:" + lower-cased
 * lemma, 1) if the tag is VERB or AUX; then emit("e:" + type, 1) for each entity type.
 */
export type TagsEmit = (tags: Tags) => void;

/**
 * Emits the sparse features one by one (a key may come more than once: values add up) and returns the
 * mean word vector (the `d:` family) as an array. Scoring at extraction time sums weights as features
 * are emitted and takes a dot product with the vector: no map of features, no 100 string keys.
 */
export function featureParts(sentence: string, tags: Tags, emit: Emit, off?: ReadonlySet<string>, words?: WordsEmit, tagged?: TagsEmit): Float64Array | null {
  const toks = tokenize(sentence);
  if (words) words(toks);
  else {
    const padded = ['<s>', ...toks, '</s>'];
    for (let i = 0; i < toks.length; i++) emit(`w:${toks[i]}`, 1);
    for (let i = 0; i + 1 < padded.length; i++) emit(`b:${padded[i]}_${padded[i + 1]}`, 1);
  }
  // No character trigrams: on the tune split they cost 0.002 F1 and 0.003 AP, and a third of the
  // scoring time (docs/claims-model.md).
  if (tagged) tagged(tags);
  else {
    const { pos, lemmas } = tags;
    for (let i = 0; i < pos.length; i++) {
      emit(`p:${pos[i]}`, 0.5);
      if (i + 1 < pos.length) emit(`pb:${pos[i]}_${pos[i + 1]}`, 0.5);
      if (pos[i] === 'VERB' || pos[i] === 'AUX') emit(`v:${lemmas[i]?.toLowerCase()}`, 1);
    }
    for (const type of tags.entityTypes) emit(`e:${type}`, 1);
  }
  // The sentence's mean word vector: lets "jobs" inform "employment".
  const vec = sentenceVector(toks);
  // What the numbers are: a stated quantity is strong evidence, an ordinal or "COVID-19" is not.
  const mentions = numberMentions(sentence);
  let quantities = 0;
  for (const m of mentions) {
    emit(`q:${m.use}`, 1);
    if (m.use === 'quantity') {
      quantities++;
      if (m.number) emit(`q:quantity:${m.number.kind}`, 1);
    }
  }
  // Cue tests the subjectivity model reads as well: each regex runs once per sentence.
  const s = sentence;
  const opinion = OPINION.test(s);
  const modal = MODAL.test(s);
  const hedge = HEDGE.test(s);
  const firstPerson = FIRST_PERSON.test(s);
  const digit = /\d/.test(s);
  if (!off?.has('s')) {
    const subj = subjectivityScore(sentence, toks, vec, { opinion, hedge, modal, firstPerson, digit });
    emit('s:subjective', 2 * (subj - 0.5));
    emit(subj >= 0.5 ? 's:high' : 's:low', 1);
  }
  // Cue features: these are what lets the model generalise from debate speech to news copy.
  if (digit) emit('x:digit', 1);
  if (/\b(?:1[6-9]|20)\d\d\b/.test(s)) emit('x:year', 1);
  if (/\b(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last (?:week|month|year))\b/.test(s)) emit('x:date', 1);
  if (/\b(?:million|billion|trillion|thousand|hundred|percent|half|quarter|twice)\b/i.test(s)) emit('x:quantityword', 1);
  const caps = s.slice(1).match(/\b\p{Lu}\p{Ll}+/gu)?.length ?? 0;
  if (caps > 0) emit('x:propernoun', Math.min(caps, 4) / 2);
  const attribution = ATTRIBUTION.test(s);
  const change = CHANGE_VERBS.test(s);
  const future = FUTURE.test(s);
  const advice = ADVICE.test(s);
  if (attribution) emit('x:attribution', 1);
  if (COMPARATIVE.test(s)) emit('x:comparative', 1);
  if (change) emit('x:change', 1);
  if (CAUSAL.test(s)) emit('x:causal', 1);
  if (modal) emit('x:modal', 1);
  if (future) emit('x:future', 1);
  if (opinion) emit('x:opinion', 1);
  if (hedge) emit('x:hedge', 1);
  if (advice) emit('x:advice', 1);
  if (firstPerson) emit('x:firstperson', 1);
  if (/\?\s*["'”’)]*\s*$/.test(s)) emit('x:question', 1);
  if (/\b\w+ed\b/.test(s)) emit('x:pasttense', 1);
  if (/\b(?:has|have|had) (?:been|\w+ed)\b/.test(s)) emit('x:perfect', 1);
  // The hard rules issue 11 retired, as features the model weighs against everything else: an
  // agency's reported advice or a quoted prediction stays checkable.
  const hasFact = quantities > 0 || change;
  if (!off?.has('r')) {
    if (opinion && !hasFact) emit('r:opinion-no-fact', 1);
    if (modal && /\b(?:should|must|ought)\b/i.test(s) && !hasFact) emit('r:should-no-fact', 1);
    if (future && !hasFact && !attribution) emit('r:prediction-no-fact', 1);
    if (advice && !attribution) emit('r:advice', 1);
    if (attribution && hasFact) emit('r:reported-fact', 1);
    if (quantities > 0) emit('r:quantity', 1);
  }
  const n = toks.length;
  emit(n < 6 ? 'x:len<6' : n < 12 ? 'x:len<12' : n < 25 ? 'x:len<25' : 'x:len25+', 1);
  emit('x:bias', 1);
  return vec;
}
