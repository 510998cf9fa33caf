// `npm run eval:claims`: how good is claim extraction?
// 1. 5-fold cross-validation of the check-worthiness model on ClaimBuster 2.5xNCS (precision,
//    recall, F1 on the check-worthy class, average precision), the same procedure train:claims uses.
// 2. Coverage on the labelled articles in lib/claims/fixtures/ (gold.json): recall of gold claims (a
//    gold claim is found when an extracted span overlaps it) and how many extracted spans are
//    opinions, questions or advice. Targets: recall >= 0.9 with none of those extracted.
import { readFileSync } from 'node:fs';
import { extractClaims } from '../lib/claims/extract';
import { printAtomic } from './eval-atomic';
import { crossValidate, loadExamples, printCv, DATA_PATH } from './train-claims';

type Gold = Record<string, { claims: string[]; not_claims: string[] } | string>;

function span(text: string, needle: string, file: string): [number, number] {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`gold.json: "${needle.slice(0, 50)}" is not in ${file}`);
  return [at, at + needle.length];
}

export function evaluateArticles(dir = 'lib/claims/fixtures') {
  const gold = JSON.parse(readFileSync(`${dir}/gold.json`, 'utf8')) as Gold;
  const rows: Array<{ file: string; gold: number; found: number; extracted: number; wrong: number; missed: string[]; wrongSpans: string[] }> = [];
  for (const [file, g] of Object.entries(gold)) {
    if (typeof g === 'string') continue;
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const { claims } = extractClaims(text);
    const overlaps = (s: [number, number]) => claims.some((c) => c.start < s[1] && s[0] < c.end);
    const missed = g.claims.filter((q) => !overlaps(span(text, q, file)));
    const notSpans = g.not_claims.map((q) => span(text, q, file));
    const wrong = claims.filter((c) => notSpans.some((s) => c.start < s[1] && s[0] < c.end));
    rows.push({ file, gold: g.claims.length, found: g.claims.length - missed.length, extracted: claims.length, wrong: wrong.length, missed, wrongSpans: wrong.map((c) => c.quote) });
  }
  return rows;
}

const isMain = process.argv[1]?.endsWith('eval-claims.ts');
if (isMain) {
  const examples = loadExamples();
  console.log(`Check-worthiness model, 5-fold cross-validation on ${DATA_PATH} (${examples.length} sentences):`);
  printCv(crossValidate(examples));
  console.log('\nCoverage on labelled articles (lib/claims/fixtures/gold.json):');
  console.log('article'.padEnd(22), 'gold'.padStart(5), 'found'.padStart(6), 'recall'.padStart(7), 'extracted'.padStart(10), 'opinion/question extracted'.padStart(27));
  const rows = evaluateArticles();
  for (const r of rows) {
    console.log(r.file.padEnd(22), String(r.gold).padStart(5), String(r.found).padStart(6), (r.found / r.gold).toFixed(2).padStart(7), String(r.extracted).padStart(10), String(r.wrong).padStart(27));
  }
  const g = rows.reduce((s, r) => s + r.gold, 0);
  const f = rows.reduce((s, r) => s + r.found, 0);
  const w = rows.reduce((s, r) => s + r.wrong, 0);
  console.log('all'.padEnd(22), String(g).padStart(5), String(f).padStart(6), (f / g).toFixed(2).padStart(7), ''.padStart(10), String(w).padStart(27));
  for (const r of rows) {
    for (const m of r.missed) console.log(`  missed in ${r.file}: ${m}`);
    for (const m of r.wrongSpans) console.log(`  not a claim, extracted from ${r.file}: ${m}`);
  }
  // Atomic claims on the blind articles: tune and holdout printed apart, beside a naive sentence splitter.
  printAtomic([['tune', 'data/eval/claims/tune'], ['holdout', 'data/eval/claims/holdout']]);
}
