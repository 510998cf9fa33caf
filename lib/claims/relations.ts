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

export function findRelations(claims: ExtractedClaim[]): ClaimRelation[] {
  const relations: ClaimRelation[] = [];
  const words = claims.map((c) => contentWords(c.quote));
  for (let i = 0; i < claims.length; i++) {
    for (let j = i + 1; j < claims.length; j++) {
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
      const sameNumber = duplicate !== undefined;
      if (duplicate) {
        relations.push({ type: 'duplicates', a: a.id, b: b.id, reason: duplicate });
        continue;
      }
      if (!sameNumber && sim >= 0.6) {
        relations.push({ type: 'duplicates', a: a.id, b: b.id, reason: `near-identical wording (${Math.round(sim * 100)}% shared words)` });
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
  }
  return relations;
}
