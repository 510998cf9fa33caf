// Relations between claims of one article: the same fact stated twice (duplicates) and the same
// measure given incompatible values (contradicts). Similar wording never means agreement, so a
// contradiction needs the same kind of number about the same thing with values that cannot both hold.
import type { ClaimNumber, ClaimRelation, ExtractedClaim } from './schema';

const STOP = new Set(
  'the a an of to in on at for by with and or but is was were are be been has have had it its this that these those he she they his her their from as which who whom than then there said says also by not no into after before over under more less about'.split(' '),
);

/** A crude stem so "veto"/"vetoes" and "Russia"/"Russian" meet. */
export function stem(w: string): string {
  return w.replace(/ian$/u, 'ia').replace(/(?:ies|es|s|ed|ing)$/u, '');
}

export function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().matchAll(/[\p{L}]{3,}/gu)) {
    let w = m[0];
    if (STOP.has(w)) continue;
    w = stem(w);
    if (w.length >= 3) out.add(w);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

/** Content words within three words of a number: what it counts ("eighth veto", "veto was the eighth"). */
function numberContext(quote: string, claimStart: number, n: ClaimNumber): Set<string> {
  const before = quote.slice(0, n.start - claimStart).split(/\s+/).slice(-4).join(' ');
  const after = quote.slice(n.end - claimStart).split(/\s+/).slice(0, 4).join(' ');
  return contentWords(`${before} ${after}`);
}

// Units that say nothing about what is counted: "87 people" and "320,000 people" are different facts.
const GENERIC = new Set(['people', 'peop', 'year', 'month', 'day', 'week', 'time', 'percent', 'cent', 'dollar', 'million', 'billion', 'thousand', 'person', 'hour', 'minute', 'point']);

/** What two numbers both count: a shared specific word, or two shared words of any kind. */
function overlap(a: Set<string>, b: Set<string>): string | undefined {
  const shared = [...a].filter((w) => b.has(w));
  return shared.find((w) => !GENERIC.has(w)) ?? (shared.length >= 2 ? shared.join(' ') : undefined);
}

function compatible(a: ClaimNumber, b: ClaimNumber): boolean {
  if (a.kind === 'score' || b.kind === 'score') return a.value === b.value && a.value2 === b.value2;
  const lo = (n: ClaimNumber) => (n.qualifier === 'gt' || n.qualifier === 'gte' ? n.value : n.qualifier === 'approx' ? n.value * 0.85 : n.qualifier === 'lt' || n.qualifier === 'lte' ? -Infinity : n.value);
  const hi = (n: ClaimNumber) => (n.qualifier === 'lt' || n.qualifier === 'lte' ? n.value : n.qualifier === 'approx' ? n.value * 1.15 : n.qualifier === 'gt' || n.qualifier === 'gte' ? Infinity : n.value);
  return lo(a) <= hi(b) && lo(b) <= hi(a);
}

/**
 * Every rule below needs two claims to share at least two content words, so candidate pairs come
 * from an inverted index instead of comparing all n² pairs (a 1 MB draft has ~5,000 claims).
 */
const MAX_CANDIDATES = 20;

function candidatePairs(words: Array<Set<string>>): Array<[number, number]> {
  const index = new Map<string, number[]>();
  words.forEach((ws, i) => {
    for (const w of ws) {
      const list = index.get(w);
      if (list) list.push(i);
      else index.set(w, [i]);
    }
  });
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < words.length; i++) {
    const shared = new Map<number, number>();
    for (const w of words[i]!) {
      for (const j of index.get(w)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    // Keep the closest matches only, so a draft that repeats itself stays linear.
    const best = [...shared].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES);
    for (const [j] of best) pairs.push([i, j]);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

export function findRelations(claims: ExtractedClaim[]): ClaimRelation[] {
  const relations: ClaimRelation[] = [];
  const words = claims.map((c) => contentWords(c.quote));
  // Duplicates form groups; a claim is linked to a group once, not to every member of it.
  const group = claims.map((_, i) => i);
  const root = (i: number): number => (group[i] === i ? i : (group[i] = root(group[i]!)));
  for (const [i, j] of candidatePairs(words)) {
    if (root(i) === root(j)) continue;
    const a = claims[i]!;
    const b = claims[j]!;
    const shared = [...words[i]!].filter((w) => words[j]!.has(w));
    const sim = jaccard(words[i]!, words[j]!);
    const numsA = a.numbers.filter((n) => n.kind !== 'date' && n.kind !== 'year');
    const numsB = b.numbers.filter((n) => n.kind !== 'date' && n.kind !== 'year');
    let duplicate: string | undefined;
    for (const x of numsA) {
      for (const y of numsB) {
        if (y.kind !== x.kind || y.value !== x.value || y.value2 !== x.value2) continue;
        const about = overlap(numberContext(a.quote, a.start, x), numberContext(b.quote, b.start, y));
        if (about && shared.length >= 2) duplicate ??= `both say "${x.raw}" about the ${about}`;
      }
    }
    if (!duplicate && sim >= 0.6) duplicate = `near-identical wording (${Math.round(sim * 100)}% shared words)`;
    if (duplicate) {
      relations.push({ type: 'duplicates', a: a.id, b: b.id, reason: duplicate });
      group[root(j)] = root(i);
      continue;
    }
    // Contradiction: same kind of number measuring the same noun, values that cannot both hold.
    let contradiction: string | undefined;
    for (const x of numsA) {
      for (const y of numsB) {
        if (y.kind !== x.kind || (y.unit ?? '') !== (x.unit ?? '') || compatible(x, y)) continue;
        const about = overlap(numberContext(a.quote, a.start, x), numberContext(b.quote, b.start, y));
        if (about && shared.length >= 2) contradiction ??= `${x.raw} vs ${y.raw}: the ${about}`;
      }
    }
    if (contradiction) relations.push({ type: 'contradicts', a: a.id, b: b.id, reason: contradiction });
  }
  return relations;
}
