// The shipped check-worthiness model, in two stages (docs/decisions/035-stacked-claim-model.md):
// 1. logistic regression over lib/claims/features.ts, trained by `npm run train:claims` on the
//    ClaimBuster sentences as split for CheckThat! 2024 (ct24-train.tsv, CC BY 4.0, see
//    docs/claims-model.md);
// 2. Platt scaling fitted on the tune split, so the score shown is a probability; optionally a
//    one-hidden-layer network (lib/claims/mlp.ts) over the dense features and stage 1's logit,
//    blended with that logit. The shipped file has no network: it raised average precision but not
//    F1 (docs/claims-model.md), and moved news fixtures the wrong way.
// The weights are plain JSON committed in the repo, so scoring needs no download and no native code.
import weightsFile from './model-weights.json';
import stackFile from './stack-weights.json';
import { featureParts, tagSentence, VECTOR_WEIGHT, type Tags } from './features';
import { loadMlp, mlpLogit, type Mlp, type MlpFile } from './mlp';
import { denseWeights } from './subjectivity';
import { addWordsAndBigrams, indexTokens, type TokenWeights } from './token-index';

export type ModelFile = {
  version: number;
  threshold: number;
  features: string[];
  weights: number[];
  bias: number;
};

/** Feature families (key prefixes) the network sees: the small, dense ones, not words or bigrams. */
export const STACK_FAMILIES: ReadonlySet<string> = new Set(['x', 'q', 'r', 's', 'd', 'e', 'p']);

type Stage2 = Mlp & { vectorInput: Int32Array; lrInput: number };
/**
 * Feature positions (-1: not in the model) of the POS, POS-bigram, verb-lemma and entity features,
 * keyed by the tag, lemma or type itself and filled on first sight: scoring built and hashed a
 * "p:"/"pb:"/"v:"/"e:" string per token. Tags and entity types are a few dozen strings; lemmas grow
 * with the text read, so that cache is emptied when it gets large.
 */
type TagIndex = { p: Map<string, number>; pb: Map<string, Map<string, number>>; v: Map<string | undefined, number>; e: Map<string, number> };
type LoadedModel = { threshold: number; index: Map<string, number>; tokens: TokenWeights; weights: Float64Array; bias: number; dense: Float64Array; stack: Stage2 | null; tagIndex: TagIndex };

const LEMMA_CACHE_MAX = 50_000;

function positionOf(m: LoadedModel, key: string): number {
  return m.index.get(key) ?? -1;
}

/** `z` plus the model's POS, verb and entity feature weights, in featureParts's order (TagsEmit). */
function addTagWeights(m: LoadedModel, tags: Tags, z: number): number {
  const { p, pb, v, e } = m.tagIndex;
  const { pos, lemmas } = tags;
  const w = m.weights;
  for (let i = 0; i < pos.length; i++) {
    const tag = pos[i]!;
    let at = p.get(tag);
    if (at === undefined) p.set(tag, (at = positionOf(m, `p:${tag}`)));
    if (at >= 0) z += w[at]! * 0.5;
    if (i + 1 < pos.length) {
      const next = pos[i + 1]!;
      let row = pb.get(tag);
      if (!row) pb.set(tag, (row = new Map()));
      let bt = row.get(next);
      if (bt === undefined) row.set(next, (bt = positionOf(m, `pb:${tag}_${next}`)));
      if (bt >= 0) z += w[bt]! * 0.5;
    }
    if (tag === 'VERB' || tag === 'AUX') {
      const lemma = lemmas[i];
      let vt = v.get(lemma);
      if (vt === undefined) {
        if (v.size >= LEMMA_CACHE_MAX) v.clear();
        v.set(lemma, (vt = positionOf(m, `v:${lemma?.toLowerCase()}`)));
      }
      if (vt >= 0) z += w[vt]! * 1;
    }
  }
  for (const type of tags.entityTypes) {
    let at = e.get(type);
    if (at === undefined) e.set(type, (at = positionOf(m, `e:${type}`)));
    if (at >= 0) z += w[at]! * 1;
  }
  return z;
}

let loaded: LoadedModel | null = null;

/** The shipped stage 2: pass it to loadModel to put the same calibration over another regression. */
export const SHIPPED_STAGE2 = stackFile as MlpFile;

function loadStage2(file: MlpFile): Stage2 {
  const m = loadMlp(file);
  // Where each word-vector dimension goes among the network's inputs (-1: not an input).
  const vectorInput = Int32Array.from({ length: 100 }, (_, d) => m.index.get(`d:${d}`) ?? -1);
  return { ...m, vectorInput, lrInput: m.index.get('lr') ?? -1 };
}

/**
 * The shipped model, or a logistic regression file alone (`stack` null): the network was trained on
 * the shipped regression's out-of-fold scores, so it does not belong on top of another one.
 */
export function loadModel(file: ModelFile = weightsFile as ModelFile, stack: MlpFile | null = file === weightsFile ? SHIPPED_STAGE2 : null): LoadedModel {
  const index = new Map<string, number>();
  file.features.forEach((f, i) => index.set(f, i));
  const stage2 = stack ? loadStage2(stack) : null;
  return { threshold: stage2 ? stage2.threshold : file.threshold, index, tokens: indexTokens(file.features), weights: Float64Array.from(file.weights), bias: file.bias, dense: denseWeights(file.features, file.weights), stack: stage2, tagIndex: { p: new Map(), pb: new Map(), v: new Map(), e: new Map() } };
}

function model(): LoadedModel {
  loaded ??= loadModel();
  return loaded;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function logit(p: number): number {
  const q = Math.min(Math.max(p, 1e-9), 1 - 1e-9);
  return Math.log(q / (1 - q));
}

/** Probability that the sentence is a check-worthy factual claim, 0..1. */
export function scoreSentence(sentence: string, m: LoadedModel = model(), tags?: Tags): number {
  let z = m.bias;
  const s = m.stack;
  const x = s && s.hidden > 0 ? new Float64Array(s.n) : null;
  const vec = featureParts(
    sentence,
    tags ?? tagSentence(sentence),
    (key, value) => {
      const i = m.index.get(key);
      if (i !== undefined) z += m.weights[i]! * value;
      if (x) {
        const j = s!.index.get(key);
        if (j !== undefined) x[j]! += value;
      }
    },
    undefined,
    // Word and bigram weights by token id, added in the same order: the same sum (token-index.ts).
    // The network reads no word or bigram family (STACK_FAMILIES), so it needs none of these.
    (toks) => {
      z = addWordsAndBigrams(m.tokens, m.weights, toks, z);
    },
    // The network reads the POS and entity families, so with a network the keys are emitted.
    x
      ? undefined
      : (tags) => {
          z = addTagWeights(m, tags, z);
        },
  );
  if (vec) for (let d = 0; d < vec.length; d++) z += m.dense[d]! * VECTOR_WEIGHT * vec[d]!;
  if (!s) return sigmoid(z);
  if (!x) return sigmoid(s.platt.a * z + s.platt.b);
  if (vec) for (let d = 0; d < vec.length; d++) if (s.vectorInput[d]! >= 0) x[s.vectorInput[d]!]! += VECTOR_WEIGHT * vec[d]!;
  x[s.lrInput] = z;
  const blended = s.blend * mlpLogit(s, x) + (1 - s.blend) * z;
  return sigmoid(s.platt.a * blended + s.platt.b);
}

export function modelThreshold(): number {
  return model().threshold;
}
