// `node --import tsx scripts/check-claims-identical.ts [--base REF]`: proves that a speed change to
// claim extraction changed no output. It checks out lib/claims of REF (default: main) beside this
// worktree, gives it this worktree's model weights (so a retrain is not reported as a difference),
// and runs the old and the current code in one process on the same inputs:
//   - extractClaims(text) and extractClaims(text, { all: true }) on every eval and fixture article
//     and on the 10,000-word bench article: claims (ids, spans, text, type, flags, entities,
//     numbers, antecedents) and relations must be deep-equal, scores within 1e-9;
//   - scoreSentence (unrounded) and scoreLine on ct24-dev (1,032 sentences), the first 1,000 of
//     ct24-train and every NewsSD-ENG sentence: within 1e-9.
// Exit status 1 and the first differences on any mismatch.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { checkoutBase } from './claims-base';
import { loadCt24, loadNewsSd } from './claims-data';
import { makeArticle } from './make-article';

type ExtractModule = typeof import('../lib/claims/extract');
type ModelModule = typeof import('../lib/claims/model');

const TOLERANCE = 1e-9;

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function articles(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const dirs = ['lib/claims/fixtures', 'lib/claims/fixtures/relations', ...readdirSync('data/eval/claims', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join('data/eval/claims', d.name))];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push([join(dir, f), readFileSync(join(dir, f), 'utf8')]);
  }
  out.push(['bench article, 10,000 words', makeArticle(10_000)]);
  return out;
}

function lines(): string[] {
  const newsSd = readdirSync('data/subjectivity').filter((f) => /\.(?:csv|tsv)$/.test(f)).flatMap((f) => loadNewsSd(join('data/subjectivity', f)).map((r) => r.text));
  return [...loadCt24('data/claimbuster/ct24-dev.tsv').map((r) => r.text), ...loadCt24('data/claimbuster/ct24-train.tsv').slice(0, 1000).map((r) => r.text), ...newsSd];
}

/** The first few paths where `a` and `b` differ; numbers named `score` may differ by TOLERANCE. */
function differences(a: unknown, b: unknown, path: string, out: string[], key = ''): number {
  if (out.length >= 5) return 0;
  if (typeof a === 'number' && typeof b === 'number' && key === 'score') {
    const d = Math.abs(a - b);
    if (d > TOLERANCE) out.push(`${path}: ${a} vs ${b}`);
    return d;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    let max = 0;
    for (const k of keys) max = Math.max(max, differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, k));
    return max;
  }
  if (!isDeepStrictEqual(a, b)) out.push(`${path}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`);
  return 0;
}

async function main(): Promise<void> {
  const ref = argValue('--base') ?? 'main';
  const baseDir = checkoutBase(ref);
  const [oldExtract, oldModel] = (await Promise.all([import(join(baseDir, 'extract.ts')), import(join(baseDir, 'model.ts'))])) as [ExtractModule, ModelModule];
  const newExtract = (await import('../lib/claims/extract')) as ExtractModule;
  const newModel = (await import('../lib/claims/model')) as ModelModule;
  const diffs: string[] = [];
  let maxDelta = 0;
  let claims = 0;
  let relations = 0;
  const texts = articles();
  for (const [name, text] of texts) {
    for (const options of [{}, { all: true }]) {
      const before = oldExtract.extractClaims(text, options);
      const after = newExtract.extractClaims(text, options);
      claims += before.claims.length;
      relations += before.relations.length;
      maxDelta = Math.max(maxDelta, differences(before, after, `${name}${options.all ? ' (all)' : ''}`, diffs));
    }
  }
  const ls = lines();
  for (const [i, line] of ls.entries()) {
    const [a, b] = [oldModel.scoreSentence(line), newModel.scoreSentence(line)];
    const d = Math.abs(a - b);
    maxDelta = Math.max(maxDelta, d);
    if (!(d <= TOLERANCE) && diffs.length < 10) diffs.push(`line ${i} "${line.slice(0, 60)}": scoreSentence ${a} vs ${b}`);
    maxDelta = Math.max(maxDelta, differences(oldExtract.scoreLine(line), newExtract.scoreLine(line), `line ${i} scoreLine`, diffs));
  }
  console.log(`base ${ref}: ${texts.length} articles (${claims} claims, ${relations} relations, with and without --all), ${ls.length} scored lines`);
  console.log(`largest score difference: ${maxDelta}`);
  if (diffs.length) {
    console.log(`DIFFERENT:\n  ${diffs.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log('identical');
}

void main();
