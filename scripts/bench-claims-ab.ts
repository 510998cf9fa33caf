// `node --expose-gc --import tsx scripts/bench-claims-ab.ts [--base REF] [--words N] [--runs N]`:
// the extraction of REF (default: main) against the current code, in one process on the same
// article, with wink-nlp's bare tokenisation (bench:claims's baseline) beside them. On a shared,
// loaded machine absolute times drift by 2x within minutes; runs taken in turns in one process see
// the same load, so "current / base" is the figure to trust for a speed change. The order of the
// three is reversed every other round (whichever runs second pays more for the first's garbage
// otherwise), and each run starts from a collected heap when --expose-gc is given. CPU time, medians.
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { checkoutBase } from './claims-base';
import { arg } from './cli-args';
import { makeArticle } from './make-article';

type ExtractModule = typeof import('../lib/claims/extract');

async function main(): Promise<void> {
  const ref = arg('base', 'main');
  const words = Number(arg('words', '10000'));
  const runs = Number(arg('runs', '11'));
  const base = (await import(join(checkoutBase(ref), 'extract.ts'))) as ExtractModule;
  const current = (await import('../lib/claims/extract')) as ExtractModule;
  const text = makeArticle(words);
  const nlp = winkNLP(model);
  const its = nlp.its;
  const fns: Record<string, () => unknown> = {
    base: () => base.extractClaims(text),
    current: () => current.extractClaims(text),
    bare: () => {
      const doc = nlp.readDoc(text);
      doc.sentences().out();
      return doc.tokens().out(its.value);
    },
  };
  const names = Object.keys(fns);
  const cpu: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  for (const n of names) fns[n]!();
  for (let r = 0; r < runs; r++) {
    for (const n of r % 2 ? [...names].reverse() : names) {
      collect();
      const c0 = process.cpuUsage();
      fns[n]!();
      const c = process.cpuUsage(c0);
      cpu[n]!.push((c.user + c.system) / 1000);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const m = Object.fromEntries(names.map((n) => [n, median(cpu[n]!)])) as Record<string, number>;
  console.log(`${words} words, ${runs} rounds, CPU ms (median): base ${ref} ${m.base!.toFixed(1)}, current ${m.current!.toFixed(1)}, bare tokenisation ${m.bare!.toFixed(1)}`);
  console.log(`current / base ${(m.current! / m.base!).toFixed(2)}; ratio to bare: base ${(m.base! / m.bare!).toFixed(2)}, current ${(m.current! / m.bare!).toFixed(2)}`);
}

void main();
