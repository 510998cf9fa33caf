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
// The peer is a naive sentence splitter: every sentence (split at . ! ? followed by a space or a
// line end) is a claim, computed here on the same text.
import { readdirSync, readFileSync } from 'node:fs';
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

export type AtomicRow = { file: string; facts: number; found: number; notClaims: number; notExtracted: number; missed: string[]; wrong: string[] };

export function scoreArticle(text: string, facts: Fact[], notClaims: string[], claims: Span[], file = ''): AtomicRow {
  const factSpans = facts.map((f) => {
    const at = text.indexOf(f.quote);
    if (at < 0) throw new Error(`${file}: fact not in article: ${f.quote}`);
    return { start: at, end: at + f.quote.length };
  });
  const covers = (c: Span, f: Span) => share(text, f, c) >= COVER;
  const missed: string[] = [];
  let found = 0;
  factSpans.forEach((f, i) => {
    const by = claims.filter((c) => covers(c, f));
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
  return { file, facts: facts.length, found, notClaims: notTotal, notExtracted, missed, wrong };
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
  return { facts, found, recall: facts ? found / facts : 0, notClaims: rows.reduce((s, r) => s + r.notClaims, 0), notExtracted: rows.reduce((s, r) => s + r.notExtracted, 0) };
}

export function printAtomic(splits: Array<[string, string]>, verbose = false): void {
  console.log(`\nAtomic claims on blind news articles (found = exactly one claim covers >= ${COVER} of the fact, and holds no other fact):`);
  console.log('split'.padEnd(9), 'article'.padEnd(22), 'facts'.padStart(5), 'ours'.padStart(6), 'peer'.padStart(6), 'not_claims'.padStart(11), 'extracted: ours'.padStart(16), 'peer'.padStart(6));
  for (const [name, dir] of splits) {
    const { ours, peer } = evaluateAtomic(dir);
    ours.forEach((r, i) => {
      const p = peer[i]!;
      console.log(name.padEnd(9), r.file.padEnd(22), String(r.facts).padStart(5), (r.found / r.facts).toFixed(2).padStart(6), (p.found / p.facts).toFixed(2).padStart(6), String(r.notClaims).padStart(11), String(r.notExtracted).padStart(16), String(p.notExtracted).padStart(6));
    });
    const o = total(ours);
    const p = total(peer);
    console.log(name.padEnd(9), 'all'.padEnd(22), String(o.facts).padStart(5), o.recall.toFixed(2).padStart(6), p.recall.toFixed(2).padStart(6), String(o.notClaims).padStart(11), String(o.notExtracted).padStart(16), String(p.notExtracted).padStart(6));
    if (verbose) {
      for (const r of ours) {
        for (const m of r.missed) console.log(`  missed (${r.file}): ${m}`);
        for (const w of r.wrong) console.log(`  not a claim, extracted (${r.file}): ${w}`);
      }
    }
  }
}

if (process.argv[1]?.endsWith('eval-atomic.ts')) {
  const splits = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  printAtomic((splits.length ? splits : ['tune']).map((s) => [s, `data/eval/claims/${s}`]), process.argv.includes('--verbose'));
}
