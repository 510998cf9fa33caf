// Atomic-claim recall on the blind news articles in data/eval/claims/{tune,holdout}/ (issue 11).
//
// Match rule. A claim "covers" a gold fact when its span contains at least COVER of the fact
// quote's letters and digits (offsets in the article; punctuation and spaces do not count, so a
// claim may drop a leading "and" or a trailing comma). Gold quotes of one compound sentence may
// overlap ("... plant next year" / "next year, cutting 1,400 jobs"), which is why the rule is a
// share and not full containment. A gold fact is FOUND when exactly one extracted (check-worthy)
// claim covers it and that claim covers no other gold fact: one fact, one claim. A claim that
// swallows two facts finds neither.
// A not_claim is EXTRACTED when a check-worthy claim contains at least half of its letters and
// digits (every occurrence counts for repeated markers such as "[1]").
// RECALL (the looser number beside it): a gold fact is covered by at least one check-worthy claim,
// whether or not that claim also holds other facts.
// The peer is a naive sentence splitter: every sentence (split at . ! ? followed by a space or a
// line end) is a claim, computed here on the same text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extractClaims } from '../lib/claims/extract';

export const COVER = 0.6;

type Fact = { quote: string; text: string };
type Gold = Record<string, { facts: Fact[]; not_claims: string[] } | string>;
type Span = { start: number; end: number };

/** Offsets of the letters and digits in [start, end). */
function wordChars(text: string, s: Span): number[] {
  const out: number[] = [];
  for (let i = s.start; i < s.end; i++) if (/[\p{L}\p{N}]/u.test(text[i]!)) out.push(i);
  return out;
}

function share(text: string, inner: Span, outer: Span): number {
  const chars = wordChars(text, inner);
  if (chars.length === 0) return 0;
  return chars.filter((i) => i >= outer.start && i < outer.end).length / chars.length;
}

export function naiveSentences(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\s][^\n]*?(?:[.!?](?=\s|$)|(?=\n)|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export type AtomicRow = { file: string; facts: number; found: number; covered: number; notClaims: number; notExtracted: number; missed: string[]; wrong: string[] };

export function scoreArticle(text: string, facts: Fact[], notClaims: string[], claims: Span[], file = ''): AtomicRow {
  const factSpans = facts.map((f) => {
    const at = text.indexOf(f.quote);
    if (at < 0) throw new Error(`${file}: fact not in article: ${f.quote}`);
    return { start: at, end: at + f.quote.length };
  });
  const covers = (c: Span, f: Span) => share(text, f, c) >= COVER;
  const missed: string[] = [];
  let found = 0;
  let covered = 0;
  factSpans.forEach((f, i) => {
    const by = claims.filter((c) => covers(c, f));
    if (by.length) covered++;
    const own = by.length === 1 && factSpans.every((g, j) => j === i || !covers(by[0]!, g));
    if (own) found++;
    else missed.push(`${facts[i]!.quote}  [${by.length === 0 ? 'no claim' : by.length > 1 ? `${by.length} claims` : 'claim holds another fact'}]`);
  });
  const wrong: string[] = [];
  let notExtracted = 0;
  let notTotal = 0;
  for (const q of notClaims) {
    for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + 1)) {
      notTotal++;
      const s = { start: at, end: at + q.length };
      const hit = claims.find((c) => share(text, s, c) >= 0.5);
      if (hit) { notExtracted++; wrong.push(`${q}  <=  ${text.slice(hit.start, hit.end).slice(0, 100)}`); }
    }
  }
  return { file, facts: facts.length, found, covered, notClaims: notTotal, notExtracted, missed, wrong };
}

export function evaluateAtomic(dir: string) {
  const gold = JSON.parse(readFileSync(`${dir}/gold.json`, 'utf8')) as Gold;
  const ours: AtomicRow[] = [];
  const peer: AtomicRow[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const g = gold[file];
    if (!g || typeof g === 'string') continue;
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    const claims = extractClaims(text).claims.filter((c) => c.checkworthy);
    ours.push(scoreArticle(text, g.facts, g.not_claims, claims, file));
    peer.push(scoreArticle(text, g.facts, g.not_claims, naiveSentences(text), file));
  }
  return { ours, peer };
}

function total(rows: AtomicRow[]) {
  const facts = rows.reduce((s, r) => s + r.facts, 0);
  const found = rows.reduce((s, r) => s + r.found, 0);
  const covered = rows.reduce((s, r) => s + r.covered, 0);
  return { facts, found, atomic: facts ? found / facts : 0, recall: facts ? covered / facts : 0, notClaims: rows.reduce((s, r) => s + r.notClaims, 0), notExtracted: rows.reduce((s, r) => s + r.notExtracted, 0) };
}

export function printAtomic(splits: Array<[string, string]>, verbose = false): void {
  console.log(`\nAtomic claims on blind news articles (atomic = exactly one claim covers >= ${COVER} of the fact and holds no other fact; recall = some claim covers it):`);
  const head = ['split'.padEnd(9), 'article'.padEnd(22), 'facts'.padStart(5), 'atomic: ours'.padStart(13), 'peer'.padStart(5), 'recall: ours'.padStart(13), 'peer'.padStart(5), 'not_claims'.padStart(11), 'extracted: ours'.padStart(16), 'peer'.padStart(5)];
  console.log(...head);
  const row = (name: string, file: string, facts: number, o: { a: number; r: number; x: number }, p: { a: number; r: number; x: number }, notClaims: number) =>
    console.log(name.padEnd(9), file.padEnd(22), String(facts).padStart(5), o.a.toFixed(2).padStart(13), p.a.toFixed(2).padStart(5), o.r.toFixed(2).padStart(13), p.r.toFixed(2).padStart(5), String(notClaims).padStart(11), String(o.x).padStart(16), String(p.x).padStart(5));
  for (const [name, dir] of splits) {
    const { ours, peer } = evaluateAtomic(dir);
    ours.forEach((r, i) => {
      const p = peer[i]!;
      row(name, r.file, r.facts, { a: r.found / r.facts, r: r.covered / r.facts, x: r.notExtracted }, { a: p.found / p.facts, r: p.covered / p.facts, x: p.notExtracted }, r.notClaims);
    });
    const o = total(ours);
    const p = total(peer);
    row(name, 'all', o.facts, { a: o.atomic, r: o.recall, x: o.notExtracted }, { a: p.atomic, r: p.recall, x: p.notExtracted }, o.notClaims);
    if (verbose) {
      for (const r of ours) {
        for (const m of r.missed) console.log(`  missed (${r.file}): ${m}`);
        for (const w of r.wrong) console.log(`  not a claim, extracted (${r.file}): ${w}`);
      }
    }
  }
}

// Arguments: split names under data/eval/claims/ ("tune", "holdout", "tune-2", "holdout-2")
// or any directory holding a gold.json and its .txt articles.
if (process.argv[1]?.endsWith('eval-atomic.ts')) {
  const splits = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  printAtomic((splits.length ? splits : ['tune']).map((s) => [s.split('/').filter(Boolean).pop()!, existsSync(`${s}/gold.json`) ? s : `data/eval/claims/${s}`]), process.argv.includes('--verbose'));
}
