// The second stage of the check-worthiness model (lib/claims/mlp.ts, docs/decisions/035): a small
// neural network over the dense features and the logistic regression's out-of-fold logit, blended
// with that logit, then Platt-scaled on the tune split. Settings chosen on tune (docs/claims-model.md).
import { fitPlatt, loadMlp, mlpLogit, trainMlp, type MlpFile, type MlpOptions } from '../lib/claims/mlp';
import { logit, STACK_FAMILIES } from '../lib/claims/model';
import type { ModelFile } from '../lib/claims/model';
import { mulberry32 } from './claims-data';
import { bestThreshold, predict, train, type Example } from './train-claims';

const SEED = 20261125;
export const STACK_DEFAULTS: MlpOptions & { blend: number; minCount: number } = {
  hidden: Number(process.env.STACK_HIDDEN ?? 32),
  epochs: Number(process.env.STACK_EPOCHS ?? 3),
  lr: 1e-3,
  l2: Number(process.env.STACK_L2 ?? 1e-2),
  batch: 64,
  seed: SEED,
  posWeight: 1,
  blend: Number(process.env.STACK_BLEND ?? 0.5),
  minCount: 20,
};

/** Fold of each example for k-fold CV, stratified and seeded (the same folds crossValidate uses). */
export function stratifiedFolds(examples: Example[], k = 5, seed = SEED + 1): number[] {
  const rand = mulberry32(seed);
  const fold = new Array<number>(examples.length);
  for (const label of [0, 1]) {
    const idx = examples.map((e, i) => (e.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((i, n) => { fold[i] = n % k; });
  }
  return fold;
}

/** The logistic regression's logit for each example, each from a model that did not train on it. */
export function outOfFoldLogits(examples: Example[], k = 5): number[] {
  const fold = stratifiedFolds(examples, k);
  const out = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < k; f++) {
    const m = train(examples.filter((_, i) => fold[i] !== f));
    examples.forEach((e, i) => { if (fold[i] === f) out[i] = logit(predict(m, e)); });
  }
  return out;
}

/** The network's inputs: the dense-family features seen at least `minCount` times, then `lr`. */
export function stackInputs(examples: Example[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const e of examples) for (const key of e.keys) if (STACK_FAMILIES.has(key.slice(0, key.indexOf(':')))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...[...counts].filter(([, c]) => c >= minCount).map(([key]) => key).sort(), 'lr'];
}

export function inputRow(index: Map<string, number>, e: Example, lr: number): Float64Array {
  const x = new Float64Array(index.size);
  e.keys.forEach((key, j) => {
    const i = index.get(key);
    if (i !== undefined) x[i]! += e.values[j]!;
  });
  x[index.get('lr')!] = lr;
  return x;
}

export type Stack = { lr: ModelFile; file: MlpFile; score: (e: Example) => number; logit: (e: Example) => number };

/**
 * Trains both stages on `examples`: the LR on all of them, the network on their out-of-fold LR
 * logits (so it learns how far to trust the LR on sentences the LR has not memorised). With `tune`,
 * Platt scaling and the threshold are fitted there; without, the raw blend (for CV folds).
 */
export function trainStack(examples: Example[], tune?: Example[], o = STACK_DEFAULTS, lr = train(examples)): Stack {
  const oof = outOfFoldLogits(examples);
  const inputs = stackInputs(examples, o.minCount);
  const index = new Map(inputs.map((k, i) => [k, i]));
  const file = trainMlp(inputs, examples.map((e, i) => inputRow(index, e, oof[i]!)), examples.map((e) => e.label), o);
  file.blend = o.blend;
  const m = loadMlp(file);
  const raw = (e: Example) => {
    const z = logit(predict(lr, e));
    return o.blend * mlpLogit(m, inputRow(index, e, z)) + (1 - o.blend) * z;
  };
  if (tune) {
    const zs = tune.map(raw);
    file.platt = fitPlatt(zs, tune.map((e) => e.label));
    file.threshold = bestThreshold(zs.map((z) => sigmoid(file.platt.a * z + file.platt.b)), tune.map((e) => e.label));
  }
  const cal = (e: Example) => file.platt.a * raw(e) + file.platt.b;
  return { lr, file, logit: cal, score: (e) => sigmoid(cal(e)) };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
