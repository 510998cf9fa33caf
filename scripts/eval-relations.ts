// `npm run eval:relations`: precision and recall of automatic relations (duplicates, contradicts)
// on the labelled articles in lib/claims/fixtures/relations/ (gold in relations-gold.json), and false
// alarms per 1,000 words. Targets: recall >= 0.9 on both types, at most 1 false alarm per 1,000 words.
import { readFileSync } from 'node:fs';
import { extractClaims } from '../lib/claims/extract';

type GoldRelation = { type: string; a: string; b: string };
const DIR = 'lib/claims/fixtures/relations';

export function evaluateRelations() {
  const gold = JSON.parse(readFileSync('lib/claims/fixtures/relations-gold.json', 'utf8')) as Record<string, GoldRelation[] | string>;
  const stats: Record<string, { tp: number; fp: number; fn: number }> = { contradicts: { tp: 0, fp: 0, fn: 0 }, duplicates: { tp: 0, fp: 0, fn: 0 } };
  const details: string[] = [];
  let words = 0;
  for (const [file, relations] of Object.entries(gold)) {
    if (typeof relations === 'string') continue;
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    words += text.split(/\s+/).filter(Boolean).length;
    const { claims, relations: found } = extractClaims(text);
    const spanOf = (needle: string) => {
      const at = text.indexOf(needle);
      if (at < 0) throw new Error(`relations-gold.json: "${needle}" not in ${file}`);
      return [at, at + needle.length] as const;
    };
    const claimById = new Map(claims.map((c) => [c.id, c]));
    const covers = (claimId: string, needle: string) => {
      const c = claimById.get(claimId)!;
      const [s, e] = spanOf(needle);
      return c.start < e && s < c.end;
    };
    // Duplicates are groups: A=B and B=C means A=C, in the gold and in what the tool found.
    const groupOf = (pairs: Array<[string, string]>) => {
      const parent = new Map<string, string>();
      const find = (x: string): string => (parent.get(x) ?? x) === x ? x : find(parent.get(x)!);
      for (const [x, y] of pairs) parent.set(find(x), find(y));
      return (x: string, y: string) => find(x) === find(y);
    };
    const sameFoundGroup = groupOf(found.filter((r) => r.type === 'duplicates').map((r) => [r.a, r.b]));
    const goldDupClaims = relations.filter((x) => x.type === 'duplicates').map((x) => [x.a, x.b].map((n) => claims.find((c) => covers(c.id, n))?.id ?? `missing:${n}`) as [string, string]);
    const sameGoldGroup = groupOf(goldDupClaims);
    const matched = new Set<number>();
    for (const r of found) {
      if (r.type === 'duplicates') {
        const s = stats.duplicates!;
        if (sameGoldGroup(r.a, r.b)) s.tp++;
        else {
          s.fp++;
          details.push(`  false alarm in ${file} (duplicates): "${claimById.get(r.a)!.quote.slice(0, 70)}" / "${claimById.get(r.b)!.quote.slice(0, 70)}" (${r.reason})`);
        }
        continue;
      }
      const s = stats[r.type] ?? (stats[r.type] = { tp: 0, fp: 0, fn: 0 });
      const g = relations.findIndex((x, i) => !matched.has(i) && x.type === r.type && ((covers(r.a, x.a) && covers(r.b, x.b)) || (covers(r.a, x.b) && covers(r.b, x.a))));
      if (g >= 0) {
        matched.add(g);
        s.tp++;
      } else {
        s.fp++;
        details.push(`  false alarm in ${file} (${r.type}): "${claimById.get(r.a)!.quote.slice(0, 70)}" / "${claimById.get(r.b)!.quote.slice(0, 70)}" (${r.reason})`);
      }
    }
    relations.forEach((x, i) => {
      if (x.type === 'duplicates') {
        const [ga, gb] = goldDupClaims[relations.filter((r) => r.type === 'duplicates').indexOf(x)]!;
        if (!sameFoundGroup(ga, gb)) {
          stats.duplicates!.fn++;
          details.push(`  missed in ${file} (duplicates): "${x.a}" / "${x.b}"`);
        }
        return;
      }
      if (matched.has(i)) return;
      stats[x.type]!.fn++;
      details.push(`  missed in ${file} (${x.type}): "${x.a}" / "${x.b}"`);
    });
  }
  return { stats, words, details };
}

if (process.argv[1]?.endsWith('eval-relations.ts')) {
  const { stats, words, details } = evaluateRelations();
  console.log(`Relations on ${DIR} (${words} words):\n`);
  console.log('type'.padEnd(12), 'gold'.padStart(5), 'found'.padStart(6), 'correct'.padStart(8), 'precision'.padStart(10), 'recall'.padStart(7));
  let fps = 0;
  for (const [type, s] of Object.entries(stats)) {
    fps += s.fp;
    const p = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
    const r = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
    console.log(type.padEnd(12), String(s.tp + s.fn).padStart(5), String(s.tp + s.fp).padStart(6), String(s.tp).padStart(8), p.toFixed(2).padStart(10), r.toFixed(2).padStart(7));
  }
  console.log(`\nfalse alarms: ${fps} (${((fps / words) * 1000).toFixed(2)} per 1,000 words; target <= 1)`);
  for (const d of details) console.log(d);
}
