// The shipped check-worthiness model: logistic regression over lib/claims/features.ts, trained by
// `npm run train:claims` on the ClaimBuster sentences as split for CheckThat! 2024 (ct24-train.tsv,
// CC BY 4.0, see docs/claims-model.md).
// The weights are plain JSON committed in the repo, so scoring needs no download and no native code.
import weightsFile from './model-weights.json';
import { featureParts, tagSentence, VECTOR_WEIGHT, type Tags } from './features';
import { denseWeights } from './subjectivity';
import { addWordsAndBigrams, indexTokens, type TokenWeights } from './token-index';

export type ModelFile = {
  version: number;
  threshold: number;
  features: string[];
  weights: number[];
  bias: number;
};

type LoadedModel = { threshold: number; index: Map<string, number>; tokens: TokenWeights; weights: Float64Array; bias: number; dense: Float64Array };

let loaded: LoadedModel | null = null;

export function loadModel(file: ModelFile = weightsFile as ModelFile): LoadedModel {
  const index = new Map<string, number>();
  file.features.forEach((f, i) => index.set(f, i));
  return { threshold: file.threshold, index, tokens: indexTokens(file.features), weights: Float64Array.from(file.weights), bias: file.bias, dense: denseWeights(file.features, file.weights) };
}

function model(): LoadedModel {
  loaded ??= loadModel();
  return loaded;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Probability that the sentence is a check-worthy factual claim, 0..1. */
export function scoreSentence(sentence: string, m: LoadedModel = model(), tags?: Tags): number {
  let z = m.bias;
  const vec = featureParts(
    sentence,
    tags ?? tagSentence(sentence),
    (key, value) => {
      const i = m.index.get(key);
      if (i !== undefined) z += m.weights[i]! * value;
    },
    undefined,
    // Word and bigram weights by token id, added in the same order: the same sum (token-index.ts).
    (toks) => {
      z = addWordsAndBigrams(m.tokens, m.weights, toks, z);
    },
  );
  if (vec) for (let d = 0; d < vec.length; d++) z += m.dense[d]! * VECTOR_WEIGHT * vec[d]!;
  return sigmoid(z);
}

export function modelThreshold(): number {
  return model().threshold;
}
