// Scoring reads word and bigram weights by token id (token-index.ts) for speed. These check it
// against the plain definition: the sum of the weights of featurize's string-keyed features. If a
// retrained model brought a key the token index cannot hold, scores would drift and this would fail.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import weightsFile from './model-weights.json';
import subjectivityFile from './subjectivity-weights.json';
import { sentenceVector } from './embeddings';
import { featurize, tokenize } from './features';
import { FIRST_PERSON, HEDGE, MODAL, OPINION } from './cues';
import { subjectivityFeatures, subjectivityScore } from './subjectivity';
import { loadModel, scoreSentence, sigmoid, type ModelFile } from './model';
import { splitSentences } from './sentences';

const file = weightsFile as ModelFile;
const index = new Map(file.features.map((f, i) => [f, i]));
// Stage 1 alone: the shipped Platt scaling on top (decision 035) is not what this compares.
const lr = loadModel(file, null);

/** The model's probability from the string-keyed feature map (the training-time representation). */
function reference(sentence: string): number {
  let z = file.bias;
  for (const [key, value] of featurize(sentence)) {
    const i = index.get(key);
    if (i !== undefined) z += file.weights[i]! * value;
  }
  return sigmoid(z);
}

const edgeCases = [
  '',
  'Yes.',
  '42',
  'Unemployment fell to 4.2 percent in September, the lowest since 2001.',
  'snake_case tokens_never hold_underscores, and <s> or </s> written out are not the padding.',
  'Zyxwvut qwertyuiop asdfghjkl fell 12% in 1999?!',
  "The council's £2.3 billion budget – agreed on Tuesday – raises the mayor’s pay by 4 per cent.",
];

test('token-id scoring equals the sum over featurize\'s string keys on made-up and fixture sentences', () => {
  const sentences = [...edgeCases];
  for (const dir of ['lib/claims/fixtures', 'data/eval/claims/tune']) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      for (const s of splitSentences(text)) sentences.push(text.slice(s.start, s.end));
    }
  }
  assert.ok(sentences.length > 100, `${sentences.length} sentences`);
  let moved = 0;
  for (const s of sentences) {
    const [a, b] = [scoreSentence(s, lr), reference(s)];
    // Summation order differs (the map merges repeated keys), so allow rounding, nothing more.
    assert.ok(Math.abs(a - b) < 1e-9, `"${s.slice(0, 60)}": ${a} vs ${b}`);
    if (Math.abs(b - 0.5) > 0.05) moved++;
  }
  // The comparison means something only if the word features carry weight.
  assert.ok(moved > sentences.length / 2);
});

/** features.ts's tokenize as first written (matchAll, lower-case then classify): the definition. */
function referenceTokens(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(/[\p{L}][\p{L}'’-]*|\d[\d,.]*%?|[$€£%?!]/gu)) {
    const t = m[0].toLowerCase().replace(/’/g, "'");
    out.push(/^\d/.test(t) ? (t.endsWith('%') ? '<pct>' : /^(1[6-9]|20)\d\d$/.test(t) ? '<year>' : '<num>') : t);
  }
  return out;
}

function fixtureSentences(): string[] {
  const out = [...edgeCases, 'Don’t say the 1990s’ 3.5% rise in 2019 was £4,000 – it’s 1,999 or 2100!'];
  for (const f of readdirSync('lib/claims/fixtures').filter((n) => n.endsWith('.txt'))) {
    const text = readFileSync(join('lib/claims/fixtures', f), 'utf8');
    for (const s of splitSentences(text)) out.push(text.slice(s.start, s.end));
  }
  return out;
}

test('tokenize gives the tokens of its plain definition (curly apostrophes, years, percentages, symbols)', () => {
  for (const s of fixtureSentences()) assert.deepEqual(tokenize(s), referenceTokens(s), s.slice(0, 60));
  assert.deepEqual(tokenize('It’s 12% of 1999’s 2,100, $5 or 2100?'), ["it's", '<pct>', 'of', '<year>', 's', '<num>', '$', '<num>', 'or', '<num>', '?']);
});

test('the subjectivity score with the cue tests features.ts shares equals the string-keyed subjectivity features', () => {
  const index = new Map(subjectivityFile.features.map((f, i) => [f, i]));
  let moved = 0;
  for (const s of fixtureSentences()) {
    const toks = tokenize(s);
    let z = subjectivityFile.bias;
    for (const [key, value] of subjectivityFeatures(s, toks)) {
      const i = index.get(key);
      if (i !== undefined) z += subjectivityFile.weights[i]! * value;
    }
    const cues = { opinion: OPINION.test(s), hedge: HEDGE.test(s), modal: MODAL.test(s), firstPerson: FIRST_PERSON.test(s), digit: /\d/.test(s) };
    const shared = subjectivityScore(s, toks, sentenceVector(toks), cues);
    assert.ok(Math.abs(shared - sigmoid(z)) < 1e-9, `"${s.slice(0, 60)}": ${shared} vs ${sigmoid(z)}`);
    // Passing the cues is the same as letting subjectivity.ts run the regexes itself.
    assert.equal(shared, subjectivityScore(s, toks));
    if (cues.opinion || cues.hedge || cues.modal || cues.firstPerson) moved++;
  }
  // The cues must actually occur for the comparison to test them.
  assert.ok(moved > 10, `${moved} sentences with a cue`);
});
