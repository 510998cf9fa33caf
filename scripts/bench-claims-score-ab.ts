// `node --expose-gc --import tsx scripts/bench-claims-score-ab.ts [--base REF] [--words N] [--runs N]`:
// scoreSentence alone, REF's lib/claims against the current one, in one process on every sentence of
// the bench article with the same document tags, taken in turns (the order swapped every round, the
// heap collected before each run when --expose-gc is given). CPU medians. Scoring is about a third of
// extraction; this isolates it, where bench-claims-ab.ts's whole-extraction ratio has a ~10% error of
// its own (docs/benchmarks.md). Also checks that both sum to the same total score.
import { join } from 'node:path';
import { checkoutBase } from './claims-base';
import { arg } from './cli-args';
import { makeArticle } from './make-article';
import { tagDocument, tagsFor } from '../lib/claims/features';
import { splitSentences } from '../lib/claims/sentences';
import * as current from '../lib/claims/model';

async function main(): Promise<void> {
  const ref = arg('base', 'main');
  const words = Number(arg('words', '10000'));
  const runs = Number(arg('runs', '30'));
  const base = (await import(join(checkoutBase(ref), 'model.ts'))) as typeof current;
  const text = makeArticle(words);
  const doc = tagDocument(text);
  const items = splitSentences(text).map((s) => [text.slice(s.start, s.end), tagsFor(doc, s.start, s.end)] as const);
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const run = (score: typeof current.scoreSentence): [number, number] => {
    collect();
    const t = cpuMs();
    let sum = 0;
    for (const [s, tags] of items) sum += score(s, undefined, tags);
    return [cpuMs() - t, sum];
  };
  // Untimed: loads each side's weights and word vectors and compiles the hot paths.
  const sums = [run(base.scoreSentence)[1], run(current.scoreSentence)[1]];
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (r % 2) {
      b.push(run(current.scoreSentence)[0]);
      a.push(run(base.scoreSentence)[0]);
    } else {
      a.push(run(base.scoreSentence)[0]);
      b.push(run(current.scoreSentence)[0]);
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
  console.log(`${items.length} sentences, ${runs} rounds, CPU ms (median): base ${ref} ${median(a).toFixed(1)}, current ${median(b).toFixed(1)}`);
  console.log(`current / base ${(median(b) / median(a)).toFixed(3)}; total score ${sums[0] === sums[1] ? 'the same' : `differs: ${sums[0]} vs ${sums[1]}`}`);
}

void main();
