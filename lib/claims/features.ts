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
const nlp = winkNLP(model);
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

/** The tags of the tokens lying inside [start, end) of a document tagged by tagDocument. */
export function tagsFor(doc: TaggedDoc, start: number, end: number): Tags {
  let lo = 0;
  let hi = doc.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.starts[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  let stop = lo;
  while (stop < doc.starts.length && doc.ends[stop]! <= end) stop++;
  const entityTypes: string[] = [];
  for (const e of doc.entities) if (e.start >= start && e.end <= end) entityTypes.push(e.type);
  return { pos: doc.pos.slice(lo, stop), lemmas: doc.lemmas.slice(lo, stop), entityTypes };
}

export function tagSentence(sentence: string): Tags {
  const doc = tagDocument(sentence);
  return { pos: doc.pos, lemmas: doc.lemmas, entityTypes: doc.entities.map((e) => e.type) };
}

const TOKEN_RE = /[\p{L}][\p{L}'’-]*|\d[\d,.]*%?|[$€£%?!]/gu;

export function tokenize(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(TOKEN_RE)) {
    const t = m[0].toLowerCase().replace(/’/g, "'");
    out.push(/^\d/.test(t) ? (t.endsWith('%') ? '<pct>' : /^(1[6-9]|20)\d\d$/.test(t) ? '<year>' : '<num>') : t);
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
  const { sparse: f, vec } = featureParts(sentence, tags, off);
  if (vec && !off?.has('d')) vec.forEach((v, d) => add(f, `d:${d}`, VECTOR_WEIGHT * v));
  if (off?.size) for (const k of [...f.keys()]) if (off.has(k.slice(0, k.indexOf(':')))) f.delete(k);
  return f;
}

// The sentence's mean word vector weighs 2 against the sparse features (chosen by CV).
export const VECTOR_WEIGHT = 2;

/**
 * The features in two parts: the sparse ones by key, and the mean word vector (the `d:` family) as
 * an array, so scoring at extraction time takes a dot product instead of 100 string-keyed lookups.
 */
export function featureParts(sentence: string, tags: Tags = tagSentence(sentence), off?: ReadonlySet<string>): { sparse: Features; vec: Float64Array | null } {
  const f: Features = new Map();
  const toks = tokenize(sentence);
  const padded = ['<s>', ...toks, '</s>'];
  for (let i = 0; i < toks.length; i++) add(f, `w:${toks[i]}`);
  for (let i = 0; i + 1 < padded.length; i++) add(f, `b:${padded[i]}_${padded[i + 1]}`);
  // No character trigrams: on the tune split they cost 0.002 F1 and 0.003 AP, and a third of the
  // scoring time (docs/claims-model.md).
  const { pos, lemmas } = tags;
  for (let i = 0; i < pos.length; i++) {
    add(f, `p:${pos[i]}`, 0.5);
    if (i + 1 < pos.length) add(f, `pb:${pos[i]}_${pos[i + 1]}`, 0.5);
    if (pos[i] === 'VERB' || pos[i] === 'AUX') add(f, `v:${lemmas[i]?.toLowerCase()}`);
  }
  for (const type of tags.entityTypes) add(f, `e:${type}`);
  // The sentence's mean word vector: lets "jobs" inform "employment".
  const vec = sentenceVector(toks);
  // What the numbers are: a stated quantity is strong evidence, an ordinal or "COVID-19" is not.
  const mentions = numberMentions(sentence);
  let quantities = 0;
  for (const m of mentions) {
    add(f, `q:${m.use}`);
    if (m.use === 'quantity') {
      quantities++;
      if (m.number) add(f, `q:quantity:${m.number.kind}`);
    }
  }
  if (!off?.has('s')) {
    const subj = subjectivityScore(sentence, toks, vec);
    add(f, 's:subjective', 2 * (subj - 0.5));
    add(f, subj >= 0.5 ? 's:high' : 's:low');
  }
  // Cue features: these are what lets the model generalise from debate speech to news copy.
  const s = sentence;
  if (/\d/.test(s)) add(f, 'x:digit');
  if (/\b(?:1[6-9]|20)\d\d\b/.test(s)) add(f, 'x:year');
  if (/\b(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last (?:week|month|year))\b/.test(s)) add(f, 'x:date');
  if (/\b(?:million|billion|trillion|thousand|hundred|percent|half|quarter|twice)\b/i.test(s)) add(f, 'x:quantityword');
  const caps = s.slice(1).match(/\b\p{Lu}\p{Ll}+/gu)?.length ?? 0;
  if (caps > 0) add(f, 'x:propernoun', Math.min(caps, 4) / 2);
  const attribution = ATTRIBUTION.test(s);
  const change = CHANGE_VERBS.test(s);
  const opinion = OPINION.test(s);
  const modal = MODAL.test(s);
  const future = FUTURE.test(s);
  const advice = ADVICE.test(s);
  if (attribution) add(f, 'x:attribution');
  if (COMPARATIVE.test(s)) add(f, 'x:comparative');
  if (change) add(f, 'x:change');
  if (CAUSAL.test(s)) add(f, 'x:causal');
  if (modal) add(f, 'x:modal');
  if (future) add(f, 'x:future');
  if (opinion) add(f, 'x:opinion');
  if (HEDGE.test(s)) add(f, 'x:hedge');
  if (advice) add(f, 'x:advice');
  if (FIRST_PERSON.test(s)) add(f, 'x:firstperson');
  if (/\?\s*["'”’)]*\s*$/.test(s)) add(f, 'x:question');
  if (/\b\w+ed\b/.test(s)) add(f, 'x:pasttense');
  if (/\b(?:has|have|had) (?:been|\w+ed)\b/.test(s)) add(f, 'x:perfect');
  // The hard rules issue 11 retired, as features the model weighs against everything else: an
  // agency's reported advice or a quoted prediction stays checkable.
  const hasFact = quantities > 0 || change;
  if (!off?.has('r')) {
    if (opinion && !hasFact) add(f, 'r:opinion-no-fact');
    if (modal && /\b(?:should|must|ought)\b/i.test(s) && !hasFact) add(f, 'r:should-no-fact');
    if (future && !hasFact && !attribution) add(f, 'r:prediction-no-fact');
    if (advice && !attribution) add(f, 'r:advice');
    if (attribution && hasFact) add(f, 'r:reported-fact');
    if (quantities > 0) add(f, 'r:quantity');
  }
  const n = toks.length;
  add(f, n < 6 ? 'x:len<6' : n < 12 ? 'x:len<12' : n < 25 ? 'x:len<25' : 'x:len25+');
  add(f, 'x:bias');
  return { sparse: f, vec };
}
