// `npm run bench:claims`: extraction speed and memory for articles of 1,000, 10,000 and 100,000
// words built from the fixtures. Targets (2-core machine): 10,000 words < 300 ms, time linear in
// length, memory < 300 MB. Each size also times wink-nlp's bare sentence splitting + tokenisation of
// the same text; the ratio (full extraction / bare tokenisation) does not drift with the machine,
// and is the figure to keep low (target <= 3).
import { spawnSync } from 'node:child_process';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractClaims } from '../lib/claims/extract';
import { makeArticle } from './make-article';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(words: number): void {
  const text = makeArticle(words);
  const n = text.split(/\s+/).length;
  const runs = words >= 100_000 ? 3 : 7;
  extractClaims(makeArticle(1000)); // load the model and vectors outside the timing
  const nlp = winkNLP(model);
  const its = nlp.its;
  const bareRun = () => {
    const doc = nlp.readDoc(text);
    doc.sentences().out();
    doc.tokens().out(its.value);
  };
  // One untimed run of each on the measured text, so neither median includes compiling or a
  // first-use cache fill.
  extractClaims(text);
  bareRun();
  // Each timed run starts from a collected heap (the child runs with --expose-gc): taken in turns,
  // one side's garbage was otherwise collected, and its cost counted, during the other's run.
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const full: number[] = [];
  const bare: number[] = [];
  const fullCpu: number[] = [];
  const bareCpu: number[] = [];
  // CPU time as well as wall time: on a shared, loaded machine wall time mostly measures the queue.
  const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
  let claims = 0;
  for (let i = 0; i < runs; i++) {
    collect();
    let t0 = performance.now();
    let c0 = process.cpuUsage();
    claims = extractClaims(text).claims.length;
    fullCpu.push(cpuMs(process.cpuUsage(c0)));
    full.push(performance.now() - t0);
    collect();
    t0 = performance.now();
    c0 = process.cpuUsage();
    bareRun();
    bareCpu.push(cpuMs(process.cpuUsage(c0)));
    bare.push(performance.now() - t0);
  }
  const f = median(full);
  const b = median(bare);
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ words: n, claims, ms: f, wordsPerSecond: (n / f) * 1000, bareMs: b, ratio: f / b, cpuRatio: median(fullCpu) / median(bareCpu), peakMb: peak }));
}

if (process.argv[2] === '--one') {
  measure(Number(process.argv[3]));
} else {
  // Each size in its own process, so peak memory belongs to that size alone.
  console.log(`claim extraction benchmark (${new Date().toISOString()}, node ${process.version}); medians\n`);
  console.log('words'.padStart(8), 'claims'.padStart(7), 'ms'.padStart(9), 'words/s'.padStart(9), 'ms/1k words'.padStart(12), 'bare wink ms'.padStart(13), 'ratio'.padStart(6), 'CPU ratio'.padStart(10), 'peak MB'.padStart(8));
  const rows: Array<{ words: number; ms: number }> = [];
  for (const words of [1_000, 10_000, 100_000]) {
    const res = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench-claims.ts', '--one', String(words)], { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(res.stderr);
    const r = JSON.parse(res.stdout.trim().split('\n').pop()!) as { words: number; claims: number; ms: number; wordsPerSecond: number; bareMs: number; ratio: number; cpuRatio: number; peakMb: number };
    rows.push(r);
    console.log(String(r.words).padStart(8), String(r.claims).padStart(7), r.ms.toFixed(1).padStart(9), r.wordsPerSecond.toFixed(0).padStart(9), ((r.ms / r.words) * 1000).toFixed(1).padStart(12), r.bareMs.toFixed(1).padStart(13), r.ratio.toFixed(2).padStart(6), r.cpuRatio.toFixed(2).padStart(10), r.peakMb.toFixed(0).padStart(8));
  }
  const perK = rows.map((r) => (r.ms / r.words) * 1000);
  console.log(`\nlinearity: ms per 1,000 words at 100k / at 10k = ${(perK[2]! / perK[1]!).toFixed(2)} (1.00 is perfectly linear)`);
  console.log('targets: 10,000 words < 300 ms; peak < 300 MB; ratio <= 3 (CPU ratio: the same from CPU time, steadier on a loaded machine)');
}
