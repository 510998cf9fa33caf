// Relations between claims of one article: the same fact stated twice (duplicates) and the same
// measure given incompatible values (contradicts). Similar wording never means agreement, so a
// contradiction needs the same kind of number about the same thing, in the same scope and period,
// with values that cannot both hold. Each guard below exists because of a false alarm in
// lib/claims/fixtures/relations (npm run eval:relations).
import type { ClaimNumber, ClaimRelation, ExtractedClaim } from './schema';

const STOP = new Set(
  'the a an of to in on at for by with and or but is was were are be been has have had it its this that these those he she they his her their from as which who whom than then there said says also by not no into after before over under more less about some would will could new'.split(' '),
);

// Words news copy uses interchangeably for one measure ("a three-week closure" / "shut for 30 days").
const SYNONYMS: Record<string, string> = {
  shut: 'close', closure: 'close', closed: 'close', closing: 'close', clos: 'close',
  killed: 'death', kill: 'death', died: 'death', dead: 'death', death: 'death', toll: 'death', fatalitie: 'death',
  job: 'job', position: 'job', post: 'job',
  jobless: 'unemployment', unemployed: 'unemployment', unemployment: 'unemployment',
  ruling: 'rule', ruled: 'rule', rul: 'rule', decision: 'rule',
  cost: 'cost', price: 'cost', spent: 'cost', spend: 'cost',
  population: 'resident', inhabitant: 'resident', resident: 'resident',
  car: 'vehicle', vehicle: 'vehicle',
};

/** A crude stem so "veto"/"vetoes", "Russia"/"Russian" and "month"/"monthly" meet. */
export function stem(w: string): string {
  const s = w.replace(/ian$/u, 'ia').replace(/ly$/u, '').replace(/(?:ies|es|s|ed|ing)$/u, '');
  return SYNONYMS[w] ?? SYNONYMS[s] ?? s;
}

export function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.toLowerCase().matchAll(/[\p{L}]{3,}/gu)) {
    if (STOP.has(m[0])) continue;
    const w = stem(m[0]);
    if (w.length >= 3) out.add(w);
  }
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  return inter / (a.size + b.size - inter || 1);
}

// Verbs that sit next to any number and say nothing about what it counts.
const CONTEXT_NOISE = new Set(['found', 'said', 'add', 'carr', 'carri', 'cross', 'reach', 'rose', 'fell', 'show', 'put', 'accord', 'announc', 'report', 'led', 'per']);

/** Content words within three words of a number: what it counts ("eighth veto", "veto was the eighth"). */
function numberContext(quote: string, claimStart: number, n: ClaimNumber): Set<string> {
  const before = quote.slice(0, n.start - claimStart).split(/\s+/).slice(-4).join(' ');
  const after = quote.slice(n.end - claimStart).split(/\s+/).slice(0, 4).join(' ');
  return new Set([...contentWords(`${before} ${after}`)].filter((w) => !CONTEXT_NOISE.has(w)));
}

// Units that say nothing about what is counted: "87 people" and "320,000 people" are different facts.
const GENERIC = new Set(['people', 'peop', 'year', 'month', 'day', 'week', 'time', 'percent', 'cent', 'dollar', 'million', 'billion', 'thousand', 'person', 'hour', 'minute', 'point']);

/** What two numbers both count: a shared specific word, or two shared words of any kind. */
function overlap(a: Set<string>, b: Set<string>): string | undefined {
  const shared = [...a].filter((w) => b.has(w));
  return shared.find((w) => !GENERIC.has(w)) ?? (shared.length >= 2 ? shared.join(' ') : undefined);
}

const DAYS: Record<string, number> = { second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30, year: 365, decade: 3650 };

/** Durations compare in days, so "three-week" and "30 days" meet. */
function normalised(n: ClaimNumber): ClaimNumber {
  if (n.kind !== 'duration' || !n.unit || !(n.unit in DAYS)) return n;
  const f = DAYS[n.unit]!;
  return { ...n, value: n.value * f, ...(n.value2 !== undefined ? { value2: n.value2 * f } : {}), unit: 'day' };
}

function compatible(a: ClaimNumber, b: ClaimNumber): boolean {
  if (a.kind === 'score' || b.kind === 'score') return a.value === b.value && a.value2 === b.value2;
  const lo = (n: ClaimNumber) => (n.unit === 'range' ? Math.min(n.value, n.value2 ?? n.value) : n.qualifier === 'gt' || n.qualifier === 'gte' ? n.value : n.qualifier === 'approx' ? n.value * 0.85 : n.qualifier === 'lt' || n.qualifier === 'lte' ? -Infinity : n.value);
  const hi = (n: ClaimNumber) => (n.unit === 'range' ? Math.max(n.value, n.value2 ?? n.value) : n.qualifier === 'lt' || n.qualifier === 'lte' ? n.value : n.qualifier === 'approx' ? n.value * 1.15 : n.qualifier === 'gt' || n.qualifier === 'gte' ? Infinity : n.value);
  return lo(a) <= hi(b) && lo(b) <= hi(a);
}

/** Years and fiscal periods a claim is about; two claims about different periods do not conflict. */
function periods(s: string): Set<string> {
  const out = new Set<string>();
  for (const m of s.matchAll(/\b(?:1[6-9]|20)\d\d\b|\b(?:this|next|last) year\b|\ba year (?:earlier|ago)\b/gi)) out.add(m[0].toLowerCase());
  return out;
}

// A claim about a part or a place ("Health care alone", "In the capital,") or about a later moment
// ("were still without power") is about a different scope from the headline figure.
const SCOPE = /\b(?:alone|only|of them|among them|still|remained|excluding|including)\b|^\s*(?:In|At|Across|Outside)\s+(?:the\s+)?[\p{L}]+(?:\s+[\p{L}]+)?,/iu;

function scopeMarkers(s: string): string {
  return (s.match(SCOPE)?.[0] ?? '').toLowerCase();
}

/**
 * Every rule below needs two claims to share at least two content words, so candidate pairs come
 * from an inverted index instead of comparing all n² pairs (a 1 MB draft has ~5,000 claims).
 */
const MAX_CANDIDATES = 20;

/**
 * From each claim, at most this many later claims are looked at per shared word. A word that a
 * hundred claims share says little about which two belong together, and scanning its whole list
 * from every claim made a draft that repeats itself quadratic (1 MB of one sentence: 69 s). Rarer
 * words are still scanned whole, so a draft of ordinary length pairs exactly as a full scan would
 * (relations.test.ts checks that on the labelled set).
 */
export const POSTINGS_PER_WORD = 64;

export type RelationOptions = {
  /** Later claims looked at per shared word; Infinity scans every one (the exhaustive reference). */
  postingsPerWord?: number;
};

function candidatePairs(words: Array<Set<string>>, postingsPerWord: number): Array<[number, number]> {
  const index = new Map<string, number[]>();
  // Where claim i sits in each of its words' lists, in the order words[i] iterates.
  const positions = words.map((ws, i) => {
    const at: number[] = [];
    for (const w of ws) {
      const list = index.get(w);
      if (list) at.push(list.push(i) - 1);
      else {
        index.set(w, [i]);
        at.push(0);
      }
    }
    return at;
  });
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < words.length; i++) {
    const shared = new Map<number, number>();
    let k = 0;
    for (const w of words[i]!) {
      const list = index.get(w)!;
      const from = positions[i]![k++]! + 1;
      const to = Math.min(list.length, from + postingsPerWord);
      for (let p = from; p < to; p++) {
        const j = list[p]!;
        shared.set(j, (shared.get(j) ?? 0) + 1);
      }
    }
    // Keep the closest matches only, so a draft that repeats itself stays linear.
    const best = [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, MAX_CANDIDATES);
    for (const [j] of best) pairs.push([i, j]);
  }
  return pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

const measurable = (c: ExtractedClaim) => c.numbers.filter((n) => n.kind !== 'date' && n.kind !== 'year').map(normalised);
const sameValue = (x: ClaimNumber, y: ClaimNumber) => x.kind === y.kind && x.value === y.value && x.value2 === y.value2;
// "8 of the city's 22 branches": the 8 counts a part, not the whole.
const isPart = (c: ExtractedClaim, n: ClaimNumber) => /^\s+of\s+(?:\S+\s+){0,2}\d/.test(c.quote.slice(n.end - c.start, n.end - c.start + 30));

export function findRelations(claims: ExtractedClaim[], options: RelationOptions = {}): ClaimRelation[] {
  const relations: ClaimRelation[] = [];
  const words = claims.map((c) => contentWords(c.quote));
  const pairs = candidatePairs(words, options.postingsPerWord ?? POSTINGS_PER_WORD);
  const shared = (i: number, j: number) => [...words[i]!].filter((w) => words[j]!.has(w));
  // Per-claim work done once, not once per candidate pair.
  const measured = claims.map(measurable);
  const wholes = claims.map((c, i) => measured[i]!.filter((n) => !isPart(c, n)));
  const scopes = claims.map((c) => scopeMarkers(c.quote));

  // Pass 1, duplicates. They form groups; a claim is linked to a group once, not to every member.
  const group = claims.map((_, i) => i);
  // Iterative: a long draft can chain thousands of claims, deeper than the call stack allows.
  const root = (i: number): number => {
    let r = i;
    while (group[r] !== r) r = group[r]!;
    for (let k = i; k !== r; ) {
      const parent = group[k]!;
      group[k] = r;
      k = parent;
    }
    return r;
  };
  for (const [i, j] of pairs) {
    if (root(i) === root(j)) continue;
    const [a, b] = [claims[i]!, claims[j]!];
    const common = shared(i, j);
    let duplicate: string | undefined;
    const [na, nb] = [measured[i]!, measured[j]!];
    // One claim's figures must all appear in the other: "cuts hours at 8 of the 22 branches" and "the
    // 22 branches recorded 2.4 million visits" share a number but state different facts.
    const nested = na.every((x) => nb.some((y) => sameValue(x, y))) || nb.every((y) => na.some((x) => sameValue(x, y)));
    for (const x of nested ? na : []) {
      for (const y of nb) {
        if (!sameValue(x, y)) continue;
        const about = overlap(numberContext(a.quote, a.start, x), numberContext(b.quote, b.start, y));
        if (about && common.length >= 2) duplicate ??= `both say "${x.raw}" about the ${about}`;
      }
    }
    if (!duplicate && jaccard(words[i]!, words[j]!) >= 0.6) duplicate = 'near-identical wording';
    if (duplicate) {
      relations.push({ type: 'duplicates', a: a.id, b: b.id, reason: duplicate });
      group[root(j)] = root(i);
    }
  }

  // What a group of duplicates is about, pooled: a headline's "$2.3 billion budget" is the lede's
  // "$2.3 billion budget for next year".
  const groupPeriods = new Map<number, Set<string>>();
  claims.forEach((c, i) => {
    const set = groupPeriods.get(root(i)) ?? new Set<string>();
    for (const p of periods(c.quote)) set.add(p);
    groupPeriods.set(root(i), set);
  });
  // The story's main subject: the name the first claim (the lede) uses that recurs most ("the Elm
  // Street bridge"). A claim that names nobody ("the bridge carries 42,000 vehicles") is about it.
  const entityCount = new Map<string, number>();
  const named = (c: ExtractedClaim) => new Set(c.entities.filter((e) => e.role !== 'speaker' && (e.kind !== 'other' || /\s/.test(e.text))).map((e) => e.text));
  for (const c of claims) for (const t of named(c)) entityCount.set(t, (entityCount.get(t) ?? 0) + 1);
  const lede = claims[0] ? named(claims[0]) : new Set<string>();
  const main = [...lede].filter((t) => (entityCount.get(t) ?? 0) >= 2).sort((x, y) => entityCount.get(y)! - entityCount.get(x)!)[0];
  const subjects = claims.map((c) => {
    const n = named(c);
    return n.size === 0 && main ? new Set([main]) : n;
  });

  // Pass 2, contradictions: the same kind of number measuring the same thing, in the same scope and
  // period, about the same subject, with values that cannot both hold.
  for (const [i, j] of pairs) {
    if (root(i) === root(j)) continue;
    const [a, b] = [claims[i]!, claims[j]!];
    const common = shared(i, j);
    const [pa, pb] = [groupPeriods.get(root(i))!, groupPeriods.get(root(j))!];
    if (pa.size && pb.size && ![...pa].some((p) => pb.has(p))) continue;
    if (scopes[i] !== scopes[j]) continue;
    const [sa, sb] = [subjects[i]!, subjects[j]!];
    if (sa.size && sb.size && ![...sa].some((t) => sb.has(t))) continue;
    let contradiction: string | undefined;
    for (const x of wholes[i]!) {
      for (const y of wholes[j]!) {
        if (y.kind !== x.kind || (y.unit ?? '') !== (x.unit ?? '') || compatible(x, y)) continue;
        // A misstated figure is off by a little, not by an order of magnitude: 14 residents and
        // 410,000 residents are two different counts.
        const ratio = Math.max(x.value, y.value) / Math.max(1e-9, Math.min(x.value, y.value));
        if (x.kind !== 'score' && x.kind !== 'ordinal' && ratio > 3) continue;
        const [cx, cy] = [numberContext(a.quote, a.start, x), numberContext(b.quote, b.start, y)];
        // Votes and ordinals are distinctive on their own ("5-4 ruling" / "the 6-3 ruling"; "the fourth
        // month in a row" / "the third straight monthly decline"): one shared word about them is enough.
        const distinctive = x.kind === 'ordinal' || x.kind === 'score';
        const about = distinctive ? [...cx].find((w) => cy.has(w)) : common.length >= 2 ? overlap(cx, cy) : undefined;
        if (about) contradiction ??= `${x.raw} vs ${y.raw}: the ${about}`;
      }
    }
    if (contradiction) relations.push({ type: 'contradicts', a: a.id, b: b.id, reason: contradiction });
  }
  return relations;
}
