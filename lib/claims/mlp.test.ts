// The second-stage network and calibration (lib/claims/mlp.ts): it must learn what a linear model
// cannot, train the same way twice, and Platt scaling must make an over-confident score honest.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectedCalibrationError, fitPlatt, loadMlp, mlpLogit, trainMlp } from './mlp';
import { mulberry32 } from './random';

const OPTS = { hidden: 8, epochs: 60, lr: 0.01, l2: 0, batch: 16, seed: 7, posWeight: 1 };

function xorData(n: number, seed: number) {
  const rand = mulberry32(seed);
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rand() * 2 - 1;
    const b = rand() * 2 - 1;
    rows.push(Float64Array.from([a, b, 3]));
    labels.push(a * b > 0 ? 1 : 0);
  }
  return { rows, labels };
}

test('the network learns an interaction (XOR of signs) no linear score can separate', () => {
  const { rows, labels } = xorData(600, 1);
  const m = loadMlp(trainMlp(['a', 'b', 'constant'], rows, labels, OPTS));
  const test = xorData(300, 2);
  const right = test.rows.filter((x, i) => (mlpLogit(m, x) > 0 ? 1 : 0) === test.labels[i]).length;
  assert.ok(right / 300 > 0.9, `accuracy ${right / 300}`);
});

test('training is reproducible: the same rows and seed give the same weights', () => {
  const { rows, labels } = xorData(200, 3);
  const a = trainMlp(['a', 'b', 'c'], rows, labels, { ...OPTS, epochs: 5 });
  const b = trainMlp(['a', 'b', 'c'], rows, labels, { ...OPTS, epochs: 5 });
  assert.deepEqual(a, b);
  assert.equal(a.scale[2], 0, 'a constant input carries nothing and gets scale 0');
});

test('Platt scaling turns an over-confident score into a calibrated probability', () => {
  // True probability sigmoid(z); the model reports sigmoid(3z + 1), far too sure of itself.
  const rand = mulberry32(5);
  const logits: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < 4000; i++) {
    const z = rand() * 6 - 3;
    labels.push(rand() < 1 / (1 + Math.exp(-z)) ? 1 : 0);
    logits.push(3 * z + 1);
  }
  const sig = (v: number) => 1 / (1 + Math.exp(-v));
  const before = expectedCalibrationError(logits.map(sig), labels);
  const { a, b } = fitPlatt(logits, labels);
  const after = expectedCalibrationError(logits.map((z) => sig(a * z + b)), labels);
  assert.ok(Math.abs(a - 1 / 3) < 0.05 && Math.abs(b + 1 / 3) < 0.15, `a ${a}, b ${b}`);
  assert.ok(before > 0.08 && after < 0.03, `ECE ${before} -> ${after}`);
});
