// `node --expose-gc --import tsx scripts/bench-claims-sides.ts [--base REF] [--words N] [--runs N]`:
// bench:claims's measure (full extraction / wink's bare tokenisation, CPU medians) for ONE side in
// this process: REF's lib/claims with --base, the current code without. Run it for each side in
// turns, a few times: one side per process avoids bench-claims-ab.ts's two copies of lib/claims
// sharing one process, whose own error is ~10% (docs/benchmarks.md).
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { checkoutBase } from './claims-base';
import { arg } from './cli-args';
import { makeArticle } from './make-article';

async function main(): Promise<void> {
  const ref = arg('base');
  const words = Number(arg('words') ?? '10000');
  const runs = Number(arg('runs') ?? '9');
  const dir = ref ? checkoutBase(ref) : join(process.cwd(), 'lib', 'claims');
  const { extractClaims } = (await import(join(dir, 'extract.ts'))) as typeof import('../lib/claims/extract');
  const text = makeArticle(words);
  const nlp = winkNLP(model);
  const its = nlp.its;
  const bare = () => {
    const doc = nlp.readDoc(text);
    doc.sentences().out();
    doc.tokens().out(its.value);
  };
  const cpuMs = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  };
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  // Untimed twice each: model and vectors loaded, hot paths compiled.
  for (let i = 0; i < 2; i++) {
    extractClaims(text);
    bare();
  }
  const full: number[] = [];
  const base: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    let t = cpuMs();
    extractClaims(text);
    full.push(cpuMs() - t);
    collect();
    t = cpuMs();
    bare();
    base.push(cpuMs() - t);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  console.log(JSON.stringify({ side: ref ?? 'current', words, extractionCpuMs: +median(full).toFixed(1), bareCpuMs: +median(base).toFixed(1), ratio: +(median(full) / median(base)).toFixed(2) }));
}

void main();
