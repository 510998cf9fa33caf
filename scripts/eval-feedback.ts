// Does a desk's feedback make the model better at the desk's own copy? Leave-one-article-out on a
// feedback file (`claims --export-feedback`): for each article, retrain on ClaimBuster plus the
// other articles' feedback and score the held-out article's spans, against the shipped model on the
// same spans and threshold. Ship a retrained model only when this says it helps.
//   node --import tsx scripts/eval-feedback.ts FILE [--weights 1,5,20]
//   node --import tsx scripts/eval-feedback.ts --from-gold [--weights ...]
//     (a stand-in for a desk: lib/claims/fixtures/gold.json's claims and not-claims as feedback)
import { readFileSync } from 'node:fs';
import { feedbackExamples, parseFeedback, type FeedbackRecord } from '../lib/claims/feedback';
import { featurize } from '../lib/claims/features';
import { loadModel, modelThreshold, scoreSentence, SHIPPED_STAGE2 } from '../lib/claims/model';
import { splitSentences } from '../lib/claims/sentences';
import { loadExamples, prf, train, type Example } from './train-claims';

type Gold = Record<string, { claims: string[]; not_claims: string[] } | string>;

/** gold.json as if a desk had added every gold claim and marked every gold not-claim. */
function goldAsFeedback(dir = 'lib/claims/fixtures'): FeedbackRecord[] {
  const gold = JSON.parse(readFileSync(`${dir}/gold.json`, 'utf8')) as Gold;
  return Object.entries(gold).flatMap(([file, g]) => {
    if (typeof g === 'string') return [];
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const segments = splitSentences(text);
    const one = (quote: string, label: FeedbackRecord['label']): FeedbackRecord[] => {
      const start = text.indexOf(quote);
      const seg = segments.find((s) => s.start <= start && start < s.end);
      if (start < 0 || !seg) return [];
      const from = Math.min(seg.start, start);
      const to = Math.max(seg.end, start + quote.length);
      return [{
        sentence: text.slice(from, to), span: { start: start - from, end: start - from + quote.length, text: quote },
        label, action: label === 'claim' ? 'add' : 'not_a_claim', when: '2026-11-26T00:00:00.000Z', article: file,
      }];
    };
    return [...g.claims.flatMap((q) => one(q, 'claim')), ...g.not_claims.flatMap((q) => one(q, 'not_a_claim'))];
  });
}

const toExample = (e: { text: string; label: 0 | 1 }): Example => {
  const f = featurize(e.text);
  return { keys: [...f.keys()], values: [...f.values()], label: e.label };
};

function main() {
  const args = process.argv.slice(2);
  const weights = (args.includes('--weights') ? args[args.indexOf('--weights') + 1]! : '1,5,20').split(',').map(Number);
  const file = args.find((a) => !a.startsWith('--') && !/^[\d,]+$/.test(a));
  let records: FeedbackRecord[];
  if (args.includes('--from-gold')) records = goldAsFeedback();
  else if (file) {
    const parsed = parseFeedback(readFileSync(file, 'utf8'));
    if (parsed.problems.length) throw new Error(`${file}: line ${parsed.problems[0]!.line}: ${parsed.problems[0]!.message}`);
    records = parsed.records;
  } else {
    console.error('usage: node --import tsx scripts/eval-feedback.ts <feedback.jsonl | --from-gold> [--weights 1,5,20]');
    process.exit(2);
  }
  const articles = [...new Set(records.map((r) => r.article ?? 'unknown'))];
  if (articles.length < 2) throw new Error('Leave-one-article-out needs feedback from at least two articles.');
  const base = loadExamples();
  const shipped = loadModel();
  const threshold = modelThreshold();
  console.log(`${records.length} labelled spans from ${articles.length} articles; threshold ${threshold} (the shipped model's) for every model`);
  // The control: the same training without feedback (equals the shipped model when the data and code match).
  // Every model gets the shipped calibration (monotone), so the shipped threshold means the same cut.
  const control = loadModel(train(base), SHIPPED_STAGE2);
  const scores: Record<string, { probs: number[]; labels: number[] }> = { shipped: { probs: [], labels: [] }, 'no feedback': { probs: [], labels: [] } };
  for (const w of weights) scores[`+feedback x${w}`] = { probs: [], labels: [] };
  for (const held of articles) {
    const test = feedbackExamples(records.filter((r) => (r.article ?? 'unknown') === held));
    const rest = feedbackExamples(records.filter((r) => (r.article ?? 'unknown') !== held)).map(toExample);
    for (const e of test) {
      scores.shipped!.probs.push(scoreSentence(e.text, shipped));
      scores.shipped!.labels.push(e.label);
      scores['no feedback']!.probs.push(scoreSentence(e.text, control));
      scores['no feedback']!.labels.push(e.label);
    }
    for (const w of weights) {
      const model = loadModel(train([...base, ...rest.flatMap((e) => Array.from({ length: w }, () => e))]), SHIPPED_STAGE2);
      for (const e of test) {
        scores[`+feedback x${w}`]!.probs.push(scoreSentence(e.text, model));
        scores[`+feedback x${w}`]!.labels.push(e.label);
      }
    }
  }
  console.log('model              precision  recall  F1     accuracy');
  for (const [name, s] of Object.entries(scores)) {
    const r = prf(s.probs, s.labels, threshold);
    const accuracy = s.probs.filter((p, i) => (p >= threshold ? 1 : 0) === s.labels[i]).length / s.probs.length;
    console.log(`${name.padEnd(18)} ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3)}   ${r.f1.toFixed(3)}  ${accuracy.toFixed(3)}`);
  }
}

main();
