// Trains the subjectivity model (NewsSD-ENG train) and the check-worthiness model (ct24-train's fit
// split), picking each threshold on a split it was not trained on (scripts/claims-data.ts).
//   npm run train:claims            train both, write lib/claims/{subjectivity,model}-weights.json
//   npm run eval:claims             (scripts/eval-claims.ts) CV, held-out and cross-domain tables
//   npm run train:claims -- --feedback FILE [--feedback-weight N] [--out FILE]
//                                   also learn from the desk's corrections (claims --export-feedback)
// Deterministic: a seeded shuffle and a fixed example order, so the same data gives the same weights.
import { readFileSync, writeFileSync } from 'node:fs';
import { feedbackExamples, parseFeedback } from '../lib/claims/feedback';
import { featurize, tokenize } from '../lib/claims/features';
import { expectedCalibrationError } from '../lib/claims/mlp';
import { sigmoid, type ModelFile } from '../lib/claims/model';
import { subjectivityFeatures, useSubjectivityModel } from '../lib/claims/subjectivity';
import { STACK_DEFAULTS, trainStack } from './train-stack';
import { debateSplits, loadNewsSd, mulberry32, PATHS, stratifiedFolds, type Labelled } from './claims-data';

export type Example = { keys: string[]; values: number[]; label: number };

export const DATA_PATH = `${PATHS.ct24Train} (fit split)`;
const SEED = 20261125;
export type TrainOptions = { epochs: number; l2: number; lr: number; minCount: number; nb: boolean };
export const DEFAULTS: TrainOptions = {
  epochs: Number(process.env.TRAIN_EPOCHS ?? 10),
  l2: Number(process.env.TRAIN_L2 ?? 1e-5),
  lr: Number(process.env.TRAIN_LR ?? 0.03),
  minCount: Number(process.env.TRAIN_MIN_COUNT ?? 2),
  nb: process.env.TRAIN_NB === '1',
};

export function toExamples(rows: Labelled[]): Example[] {
  return rows.map((r) => {
    const f = featurize(r.text);
    return { keys: [...f.keys()], values: [...f.values()], label: r.label };
  });
}

/** The check-worthiness training examples: ct24-train's fit split. */
export function loadExamples(): Example[] {
  return toExamples(debateSplits().fit);
}

export function subjectivityExamples(rows: Labelled[]): Example[] {
  return rows.map((r) => {
    const f = subjectivityFeatures(r.text, tokenize(r.text));
    return { keys: [...f.keys()], values: [...f.values()], label: r.label };
  });
}

/** The subjectivity model: NewsSD train, threshold on NewsSD val. Settings chosen on val. */
export function trainSubjectivity(): ModelFile {
  const model = train(subjectivityExamples(loadNewsSd(PATHS.newsTrain)), SEED, { ...DEFAULTS, epochs: 20, minCount: 1, l2: 1e-4 });
  const val = subjectivityExamples(loadNewsSd(PATHS.newsVal));
  model.threshold = bestThreshold(val.map((e) => predict(model, e)), val.map((e) => e.label));
  return model;
}

/** Logistic regression by AdaGrad SGD with lazy L2; returns the model over features seen >= MIN_COUNT. */
export function train(examples: Example[], seed = SEED, o: TrainOptions = DEFAULTS): ModelFile {
  const counts = new Map<string, number>();
  for (const e of examples) for (const k of e.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const features = [...counts.entries()].filter(([, c]) => c >= o.minCount).map(([k]) => k).sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const w = new Float64Array(features.length);
  const g2 = new Float64Array(features.length).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  // NB-LR (Wang & Manning 2012): scale each n-gram feature by its log-count ratio between classes.
  const ratio = new Float64Array(features.length).fill(1);
  if (o.nb) {
    const pos = new Float64Array(features.length).fill(1);
    const neg = new Float64Array(features.length).fill(1);
    for (const e of examples) for (const k of e.keys) {
      const i = index.get(k);
      if (i !== undefined) (e.label ? pos : neg)[i]! += 1;
    }
    const sp = pos.reduce((a, b) => a + b, 0);
    const sn = neg.reduce((a, b) => a + b, 0);
    features.forEach((f, i) => { if (!f.startsWith('x:')) ratio[i] = Math.abs(Math.log((pos[i]! / sp) / (neg[i]! / sn))) + 0.1; });
  }
  const encoded = examples.map((e) => {
    const idx: number[] = [];
    const val: number[] = [];
    e.keys.forEach((k, j) => {
      const i = index.get(k);
      if (i !== undefined) { idx.push(i); val.push(e.values[j]! * ratio[i]!); }
    });
    return { idx, val, label: e.label };
  });
  const rand = mulberry32(seed);
  const order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const ex = encoded[n]!;
      let z = bias;
      for (let j = 0; j < ex.idx.length; j++) z += w[ex.idx[j]!]! * ex.val[j]!;
      const err = sigmoid(z) - ex.label;
      for (let j = 0; j < ex.idx.length; j++) {
        const i = ex.idx[j]!;
        const g = err * ex.val[j]! + o.l2 * w[i]!;
        g2[i]! += g * g;
        w[i]! -= (o.lr / Math.sqrt(g2[i]!)) * g;
      }
      biasG2 += err * err;
      bias -= (o.lr / Math.sqrt(biasG2)) * err;
    }
  }
  // Drop near-zero weights to keep the shipped file small.
  const keep = features.map((f, i) => [f, w[i]! * ratio[i]!] as const).filter(([, v]) => Math.abs(v) > 1e-3);
  return {
    version: 1,
    threshold: 0.5,
    features: keep.map(([f]) => f),
    weights: keep.map(([, v]) => Math.round(v * 1e5) / 1e5),
    bias: Math.round(bias * 1e5) / 1e5,
  };
}

const indexCache = new WeakMap<ModelFile, Map<string, number>>();

export function predict(model: ModelFile, e: Example): number {
  let index = indexCache.get(model);
  if (!index) {
    index = new Map(model.features.map((f, i) => [f, i]));
    indexCache.set(model, index);
  }
  let z = model.bias;
  e.keys.forEach((k, j) => {
    const i = index.get(k);
    if (i !== undefined) z += model.weights[i]! * e.values[j]!;
  });
  return sigmoid(z);
}

export type Scores = { precision: number; recall: number; f1: number };

export function prf(probs: number[], labels: number[], threshold: number): Scores {
  let tp = 0, fp = 0, fn = 0;
  probs.forEach((p, i) => {
    const yes = p >= threshold;
    if (yes && labels[i] === 1) tp++;
    else if (yes) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function averagePrecision(probs: number[], labels: number[]): number {
  const order = probs.map((p, i) => [p, labels[i]!] as const).sort((a, b) => b[0] - a[0]);
  const positives = labels.filter((l) => l === 1).length;
  let tp = 0, sum = 0;
  order.forEach(([, l], k) => {
    if (l === 1) { tp++; sum += tp / (k + 1); }
  });
  return positives ? sum / positives : 0;
}

export function bestThreshold(probs: number[], labels: number[]): number {
  let best = 0.5, bestF1 = -1;
  for (let t = 0.2; t <= 0.8; t += 0.01) {
    const { f1 } = prf(probs, labels, t);
    if (f1 > bestF1) { bestF1 = f1; best = Math.round(t * 100) / 100; }
  }
  return best;
}

export type CvResult = { folds: Array<Scores & { threshold: number; ap: number }>; oof: number[]; labels: number[] };

/** Stratified k-fold CV. Each fold's threshold is tuned on the other folds' out-of-fold scores. */
export function crossValidate(examples: Example[], k = 5): CvResult {
  const fold = stratifiedFolds(examples, k);
  const oof = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < k; f++) {
    const model = train(examples.filter((_, i) => fold[i] !== f));
    examples.forEach((e, i) => { if (fold[i] === f) oof[i] = predict(model, e); });
  }
  return foldScores(oof, examples.map((e) => e.label), fold);
}

/** Per-fold scores from out-of-fold probabilities: each fold's threshold from the other folds. */
export function foldScores(oof: number[], labels: number[], fold: number[], k = 5): CvResult {
  const folds = [];
  for (let f = 0; f < k; f++) {
    const others = oof.map((p, i) => [p, i] as const).filter(([, i]) => fold[i] !== f);
    const threshold = bestThreshold(others.map(([p]) => p), others.map(([, i]) => labels[i]!));
    const mine = oof.map((p, i) => [p, i] as const).filter(([, i]) => fold[i] === f);
    const probs = mine.map(([p]) => p);
    const ls = mine.map(([, i]) => labels[i]!);
    folds.push({ ...prf(probs, ls, threshold), threshold, ap: averagePrecision(probs, ls) });
  }
  return { folds, oof, labels };
}

export function printCv(cv: CvResult): void {
  const fmt = (n: number) => n.toFixed(3);
  console.log('fold  threshold  precision  recall  F1     AP');
  cv.folds.forEach((r, i) => console.log(`${i + 1}     ${r.threshold.toFixed(2)}       ${fmt(r.precision)}      ${fmt(r.recall)}   ${fmt(r.f1)}  ${fmt(r.ap)}`));
  const mean = (key: 'precision' | 'recall' | 'f1' | 'ap') => cv.folds.reduce((s, r) => s + r[key], 0) / cv.folds.length;
  console.log(`mean            ${fmt(mean('precision'))}      ${fmt(mean('recall'))}   ${fmt(mean('f1'))}  ${fmt(mean('ap'))}`);
}

/**
 * The desk's labelled spans (`claims --export-feedback`) as examples, each repeated `weight` times:
 * a desk has tens or hundreds of corrections against 20,251 debate sentences, and at weight 1 they
 * barely move the model. A bad line stops training with its line number rather than being skipped.
 */
export function loadFeedbackExamples(path: string, weight = 1): Example[] {
  const { records, problems } = parseFeedback(readFileSync(path, 'utf8'));
  if (problems.length) {
    throw new Error(`${path}: ${problems.slice(0, 5).map((p) => `line ${p.line}: ${p.message}`).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
  }
  return feedbackExamples(records).flatMap((e) => {
    const f = featurize(e.text);
    const example = { keys: [...f.keys()], values: [...f.values()], label: e.label };
    return Array.from({ length: weight }, () => example);
  });
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value.`);
  return value;
}

const isMain = process.argv[1]?.endsWith('train-claims.ts');
if (isMain) {
  const t0 = Date.now();
  const args = process.argv.slice(2);
  const feedbackPath = option(args, '--feedback');
  const weight = Number(option(args, '--feedback-weight') ?? 1);
  if (!Number.isInteger(weight) || weight < 1) throw new Error('--feedback-weight must be a whole number, 1 or more.');
  const out = option(args, '--out') ?? 'lib/claims/model-weights.json';
  const subj = trainSubjectivity();
  // The subjectivity model never learns from feedback, so a custom --out leaves the shipped one alone.
  if (out === 'lib/claims/model-weights.json') writeFileSync('lib/claims/subjectivity-weights.json', JSON.stringify(subj));
  useSubjectivityModel(subj);
  console.log(`subjectivity: ${subj.features.length} weights, threshold ${subj.threshold} (chosen on ${PATHS.newsVal})`);
  const feedback = feedbackPath ? loadFeedbackExamples(feedbackPath, weight) : [];
  const { fit, tune } = debateSplits();
  const examples = [...toExamples(fit), ...feedback];
  if (feedbackPath) console.log(`feedback: ${feedback.length / weight} labelled spans from ${feedbackPath}, each counted ${weight}x`);
  const model = train(examples);
  const tuneEx = toExamples(tune);
  const probs = tuneEx.map((e) => predict(model, e));
  const labels = tuneEx.map((e) => e.label);
  model.threshold = bestThreshold(probs, labels);
  const r = prf(probs, labels, model.threshold);
  writeFileSync(out, JSON.stringify(model));
  console.log(`stage 1 (LR) on the tune split (${tune.length} sentences, not trained on): F1 ${r.f1.toFixed(3)}, AP ${averagePrecision(probs, labels).toFixed(3)}`);
  console.log(`wrote ${out}: ${model.features.length} weights, threshold ${model.threshold} (${Date.now() - t0} ms)`);
  // Stage 2 belongs to the shipped regression only (lib/claims/model.ts): a custom --out skips it.
  if (out === 'lib/claims/model-weights.json') {
    const stack = trainStack(examples, tuneEx, STACK_DEFAULTS, model);
    const sp = tuneEx.map(stack.score);
    const s = prf(sp, labels, stack.file.threshold);
    writeFileSync('lib/claims/stack-weights.json', JSON.stringify(stack.file));
    console.log(`stage 2 (${stack.file.hidden ? 'network + blend + ' : ''}Platt scaling) on the tune split: F1 ${s.f1.toFixed(3)}, AP ${averagePrecision(sp, labels).toFixed(3)}, ECE ${expectedCalibrationError(probs, labels).toFixed(3)} (LR) -> ${expectedCalibrationError(sp, labels).toFixed(3)}`);
    console.log(`wrote lib/claims/stack-weights.json: ${stack.file.hidden ? `${stack.file.inputs.length} inputs x ${stack.file.hidden} hidden, ` : ''}Platt a ${stack.file.platt.a} b ${stack.file.platt.b}, threshold ${stack.file.threshold} (${Date.now() - t0} ms)`);
  }
}
