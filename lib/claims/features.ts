// Turns a sentence into the sparse feature vector the check-worthiness model scores. The same code
// runs at training time (scripts/train-claims.ts) and at extraction time, so they cannot drift.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { sentenceVector } from './embeddings';
import { ATTRIBUTION, CAUSAL, CHANGE_VERBS, COMPARATIVE, FIRST_PERSON, FUTURE, HEDGE, MODAL, OPINION, ADVICE } from './cues';

export type Features = Map<string, number>;

// wink-nlp's English model (MIT, shipped inside the npm package: nothing is downloaded) gives
// part-of-speech tags, lemmas and numeric entity types: features that carry over from debate speech
// to news copy better than the words themselves.
const nlp = winkNLP(model);
const its = nlp.its;

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

/** Features: word uni/bigrams, character trigrams, POS tags and bigrams, verb lemmas, entity types, a sentence vector, and cue features. */
export function featurize(sentence: string): Features {
  const f: Features = new Map();
  const toks = tokenize(sentence);
  const padded = ['<s>', ...toks, '</s>'];
  for (let i = 0; i < toks.length; i++) add(f, `w:${toks[i]}`);
  for (let i = 0; i + 1 < padded.length; i++) add(f, `b:${padded[i]}_${padded[i + 1]}`);
  for (const t of toks) {
    if (t.length < 4 || t.startsWith('<')) continue;
    const w = `^${t}$`;
    for (let i = 0; i + 3 <= w.length; i++) add(f, `c:${w.slice(i, i + 3)}`, 0.3);
  }
  const doc = nlp.readDoc(sentence);
  const pos = doc.tokens().out(its.pos) as string[];
  // its.lemma's type in wink-nlp's declarations disagrees with its own out() signature.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  for (let i = 0; i < pos.length; i++) {
    add(f, `p:${pos[i]}`, 0.5);
    if (i + 1 < pos.length) add(f, `pb:${pos[i]}_${pos[i + 1]}`, 0.5);
    if (pos[i] === 'VERB' || pos[i] === 'AUX') add(f, `v:${lemmas[i]?.toLowerCase()}`);
  }
  for (const type of doc.entities().out(its.type) as string[]) add(f, `e:${type}`);
  // The sentence's mean word vector: lets "jobs" inform "employment" (weight 2 chosen by CV).
  const vec = sentenceVector(toks);
  if (vec) vec.forEach((v, d) => add(f, `d:${d}`, 2 * v));
  // Cue features: these are what lets the model generalise from debate speech to news copy.
  const s = sentence;
  if (/\d/.test(s)) add(f, 'x:digit');
  if (/\d\s?(?:%|percent|per cent)/i.test(s)) add(f, 'x:percent');
  if (/[$€£]\s?\d|\b\d[\d,.]*\s?(?:dollars|billion|million|trillion)\b/i.test(s)) add(f, 'x:money');
  if (/\b(?:1[6-9]|20)\d\d\b/.test(s)) add(f, 'x:year');
  if (/\b(?:January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last (?:week|month|year))\b/.test(s)) add(f, 'x:date');
  if (/\b(?:million|billion|trillion|thousand|hundred|percent|half|third|quarter|twice)\b/i.test(s)) add(f, 'x:quantityword');
  const caps = s.slice(1).match(/\b\p{Lu}\p{Ll}+/gu)?.length ?? 0;
  if (caps > 0) add(f, 'x:propernoun', Math.min(caps, 4) / 2);
  if (ATTRIBUTION.test(s)) add(f, 'x:attribution');
  if (COMPARATIVE.test(s)) add(f, 'x:comparative');
  if (CHANGE_VERBS.test(s)) add(f, 'x:change');
  if (CAUSAL.test(s)) add(f, 'x:causal');
  if (MODAL.test(s)) add(f, 'x:modal');
  if (FUTURE.test(s)) add(f, 'x:future');
  if (OPINION.test(s)) add(f, 'x:opinion');
  if (HEDGE.test(s)) add(f, 'x:hedge');
  if (ADVICE.test(s)) add(f, 'x:advice');
  if (FIRST_PERSON.test(s)) add(f, 'x:firstperson');
  if (/\?\s*["'”’)]*\s*$/.test(s)) add(f, 'x:question');
  if (/\b\w+ed\b/.test(s)) add(f, 'x:pasttense');
  if (/\b(?:has|have|had) (?:been|\w+ed)\b/.test(s)) add(f, 'x:perfect');
  const n = toks.length;
  add(f, n < 6 ? 'x:len<6' : n < 12 ? 'x:len<12' : n < 25 ? 'x:len<25' : 'x:len25+');
  add(f, 'x:bias');
  return f;
}
