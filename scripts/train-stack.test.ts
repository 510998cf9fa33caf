// The shipped two-stage score must be the one the training script measured: extraction's fast path
// (lib/claims/model.ts, features emitted straight into both stages) against the training path
// (featurize -> example -> inputRow -> network), on sentences a desk would see.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import weights from '../lib/claims/model-weights.json';
import stackFile from '../lib/claims/stack-weights.json';
import { featurize } from '../lib/claims/features';
import { loadMlp, mlpLogit, type MlpFile } from '../lib/claims/mlp';
import { logit, modelThreshold, scoreSentence, type ModelFile } from '../lib/claims/model';
import { predict } from './train-claims';
import { inputRow } from './train-stack';

const SENTENCES = [
  'Unemployment fell to 4.2 percent in September, the lowest since 2001.',
  'I think the mayor is doing a wonderful job.',
  'The CDC said people should wear masks indoors.',
  'Storm leaves thousands without power',
  'Third, we have to get this economy moving again.',
];

test('extraction scores a sentence exactly as the training script scored it', () => {
  const file = stackFile as MlpFile;
  const m = loadMlp(file);
  const index = new Map(file.inputs.map((k, i) => [k, i]));
  for (const s of SENTENCES) {
    const f = featurize(s);
    const e = { keys: [...f.keys()], values: [...f.values()], label: 0 };
    const z = logit(predict(weights as ModelFile, e));
    const blended = file.hidden ? file.blend * mlpLogit(m, inputRow(index, e, z)) + (1 - file.blend) * z : z;
    const expected = 1 / (1 + Math.exp(-(file.platt.a * blended + file.platt.b)));
    assert.ok(Math.abs(scoreSentence(s) - expected) < 1e-6, `${s}: ${scoreSentence(s)} vs ${expected}`);
  }
});

test('calibration moves the score, not the decision: the same sentences pass as under stage 1 alone', () => {
  const lr = weights as ModelFile;
  const file = stackFile as MlpFile;
  assert.ok(file.platt.a !== 1 || file.platt.b !== 0, 'Platt scaling was fitted');
  for (const s of SENTENCES) {
    const f = featurize(s);
    const stage1 = predict(lr, { keys: [...f.keys()], values: [...f.values()], label: 0 });
    if (file.hidden === 0) assert.equal(scoreSentence(s) >= modelThreshold(), stage1 >= lr.threshold, s);
  }
  assert.ok(scoreSentence(SENTENCES[0]!) > 0.6, 'a stated statistic is likely a claim');
  assert.ok(scoreSentence(SENTENCES[1]!) < 0.2, 'an opinion is unlikely to be one');
});
