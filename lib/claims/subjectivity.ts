// A small subjectivity model: the probability that a news sentence states the writer's opinion,
// judgement, speculation or emotion rather than something checkable. Logistic regression over words,
// bigrams, opinion/hedge cues and the sentence's mean word vector, trained by `npm run train:claims`
// on NewsSD-ENG's train split (CC BY 4.0, see data/subjectivity/README.md). Its output is one feature
// of the check-worthiness model (lib/claims/features.ts), which learns how much to trust it.
import weightsFile from './subjectivity-weights.json';
import { sentenceVector } from './embeddings';
import { FIRST_PERSON, HEDGE, MODAL, OPINION } from './cues';
import { addWordsAndBigrams, indexTokens, type TokenWeights } from './token-index';

export type LinearModel = { version: number; threshold: number; features: string[]; weights: number[]; bias: number };
type Loaded = { index: Map<string, number>; tokens: TokenWeights; weights: Float64Array; bias: number; dense: Float64Array };

// undefined: the shipped weights are not loaded yet; null: scoring switched off (training).
let current: Loaded | null | undefined;

/** Swaps the model used by subjectivityScore (the training script installs the one it just fitted). */
export function useSubjectivityModel(file: LinearModel | null): void {
  current = file ? { index: new Map(file.features.map((f, i) => [f, i])), tokens: indexTokens(file.features), weights: Float64Array.from(file.weights), bias: file.bias, dense: denseWeights(file.features, file.weights) } : null;
}

/** The weights of the `d:<n>` features (the mean word vector) as an array indexed by dimension. */
export function denseWeights(features: string[], weights: number[]): Float64Array {
  const out = new Float64Array(VECTOR_DIMS);
  features.forEach((f, i) => {
    if (f.startsWith('d:')) out[Number(f.slice(2))] = weights[i]!;
  });
  return out;
}

const EVALUATIVE = /\b(?:\w+ly|very|too|so|quite|rather|really|extremely|deeply|truly|simply|merely|just|even|only)\b/gi;

const VECTOR_DIMS = 100;

/** Features for the subjectivity model; `toks` is features.ts's tokenisation of the sentence. */
export function subjectivityFeatures(sentence: string, toks: string[]): Map<string, number> {
  const f = new Map<string, number>();
  sparseFeatures(sentence, toks, (k, v) => f.set(k, (f.get(k) ?? 0) + v));
  const vec = sentenceVector(toks);
  if (vec) vec.forEach((v, d) => f.set(`d:${d}`, 2 * v));
  return f;
}

/** Cue tests features.ts has already run on the same sentence (the same regexes from cues.ts). */
export type SharedCues = { opinion: boolean; hedge: boolean; modal: boolean; firstPerson: boolean; digit: boolean };

/**
 * `words`, when given, takes the word and bigram features (as in features.ts's featureParts);
 * `cues`, when given, are the results of the cue tests below, so they do not run twice.
 */
function sparseFeatures(sentence: string, toks: string[], emit: (key: string, value: number) => void, words?: (toks: string[]) => void, cues?: SharedCues): void {
  const add = (k: string, v = 1) => emit(k, v);
  if (words) words(toks);
  else {
    const padded = ['<s>', ...toks, '</s>'];
    for (const t of toks) add(`w:${t}`);
    for (let i = 0; i + 1 < padded.length; i++) add(`b:${padded[i]}_${padded[i + 1]}`);
  }
  if (cues ? cues.opinion : OPINION.test(sentence)) add('x:opinion');
  if (cues ? cues.hedge : HEDGE.test(sentence)) add('x:hedge');
  if (cues ? cues.modal : MODAL.test(sentence)) add('x:modal');
  if (cues ? cues.firstPerson : FIRST_PERSON.test(sentence)) add('x:firstperson');
  if (/[!?]/.test(sentence)) add('x:exclaim');
  if (/["“”]/.test(sentence)) add('x:quotes');
  add('x:evaluative', Math.min((sentence.match(EVALUATIVE) ?? []).length, 4) / 2);
  if (cues ? cues.digit : /\d/.test(sentence)) add('x:digit');
  add('x:bias');
}

/** 0..1; 0.5 when no model is installed (training the subjectivity model itself). */
export function subjectivityScore(sentence: string, toks: string[], vec: Float64Array | null = sentenceVector(toks), cues?: SharedCues): number {
  if (current === undefined) useSubjectivityModel(weightsFile as LinearModel);
  const m = current;
  if (!m) return 0.5;
  let z = m.bias;
  sparseFeatures(
    sentence,
    toks,
    (k, v) => {
      const i = m.index.get(k);
      if (i !== undefined) z += m.weights[i]! * v;
    },
    // Word and bigram weights by token id, in the same order: the same sum (token-index.ts).
    (ts) => {
      z = addWordsAndBigrams(m.tokens, m.weights, ts, z);
    },
    cues,
  );
  if (vec) for (let d = 0; d < vec.length; d++) z += m.dense[d]! * 2 * vec[d]!;
  return 1 / (1 + Math.exp(-z));
}
