// The second stage of the check-worthiness model (lib/claims/mlp.ts, docs/decisions/035): a small
// neural network over the dense features and the logistic regression's out-of-fold logit, blended
// with that logit, then Platt-scaled on the tune split. Settings chosen on tune (docs/claims-model.md).
// What ships is the calibration alone (blend 0); STACK_BLEND=0.5 trains the network measured there.
import { fitPlatt, loadMlp, mlpLogit, trainMlp, type MlpFile, type MlpOptions } from '../lib/claims/mlp';
import { logit, STACK_FAMILIES } from '../lib/claims/model';
import type { ModelFile } from '../lib/claims/model';
import { stratifiedFolds } from './claims-data';
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
  // 0: no network ships (it raised AP but not F1, in CV and on tune; docs/claims-model.md).
  blend: Number(process.env.STACK_BLEND ?? 0),
  minCount: 20,
};

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

/** No network: stage 2 is Platt scaling of stage 1 alone (what ships: docs/claims-model.md). */
export function calibrationOnly(): MlpFile {
  return { version: 1, inputs: [], mean: [], scale: [], hidden: 0, w1: [], b1: [], w2: [], b2: 0, blend: 0, platt: { a: 1, b: 0 }, threshold: 0.5 };
}

/**
 * Trains both stages on `examples`: the LR on all of them, the network (when `o.blend` > 0) on their
 * out-of-fold LR logits, so it learns how far to trust the LR on sentences the LR has not memorised.
 * With `tune`, Platt scaling is fitted (on fit's out-of-fold logits; on tune when a network is
 * blended in) and the threshold picked on tune; without, the raw score (CV folds).
 */
export function trainStack(examples: Example[], tune?: Example[], o = STACK_DEFAULTS, lr = train(examples)): Stack {
  let file = calibrationOnly();
  let network: ((e: Example, z: number) => number) | null = null;
  // Out-of-fold logits: the network's input, and what the calibration alone is fitted on, so that
  // tune stays unseen by it and its ECE there is an honest figure.
  const oof = o.blend > 0 || tune ? outOfFoldLogits(examples) : [];
  if (o.blend > 0) {
    const inputs = stackInputs(examples, o.minCount);
    const index = new Map(inputs.map((k, i) => [k, i]));
    file = trainMlp(inputs, examples.map((e, i) => inputRow(index, e, oof[i]!)), examples.map((e) => e.label), o);
    file.blend = o.blend;
    const m = loadMlp(file);
    network = (e, z) => mlpLogit(m, inputRow(index, e, z));
  }
  const raw = (e: Example) => {
    const z = logit(predict(lr, e));
    return network ? o.blend * network(e, z) + (1 - o.blend) * z : z;
  };
  if (tune) {
    const zs = tune.map(raw);
    const labels = tune.map((e) => e.label);
    // The blend has no out-of-fold scores on fit (that would need nested folds): it is fitted on tune.
    file.platt = network ? fitPlatt(zs, labels) : fitPlatt(oof, examples.map((e) => e.label));
    // The F1-best cut on tune, picked before calibration and carried through it: the calibration is
    // monotone, so exactly the same sentences pass as without it.
    const cut = logit(bestThreshold(zs.map(sigmoid), labels));
    file.threshold = Math.round(sigmoid(file.platt.a * cut + file.platt.b) * 1e6) / 1e6;
  }
  const cal = (e: Example) => file.platt.a * raw(e) + file.platt.b;
  return { lr, file, logit: cal, score: (e) => sigmoid(cal(e)) };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
