// Relations between claims of one article: the same fact stated twice (duplicates) and the same
// measure given incompatible values (contradicts). Similar wording never means agreement, so a
// contradiction needs the same kind of number about the same thing, in the same scope and period,
// with values that cannot both hold. Each guard below exists because of a false alarm in
// lib/claims/fixtures/relations (npm run eval:relations).
import { claimFrames, type ClaimFrames, type Frame, type Tok } from './frames';
import { sentenceVector } from './embeddings';
import { nounSenses, relatedness } from './lexicon';
import type { ClaimNumber, ClaimRelation, ExtractedClaim } from './schema';
import { consistent } from './units';

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
  let s = stems.get(w);
  if (s === undefined) {
    const t = w.replace(/ian$/u, 'ia').replace(/ly$/u, '').replace(/(?:ies|es|s|ed|ing)$/u, '');
    s = SYNONYMS[w] ?? SYNONYMS[t] ?? t;
    // Three regex replacements per word were a tenth of relation finding; words repeat across
    // claims. Cleared when large, so a server reading many drafts keeps a bounded cache.
    if (stems.size >= 50_000) stems.clear();
    stems.set(w, s);
  }
  return s;
}
const stems = new Map<string, string>();

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
  /** The article the claims come from: lets a claim see the list opener just before its span. */
  text?: string;
  /** Per claim (same index), its tokens sliced from the document's tags (extractClaims): the
   * frames then do not tag each quote again. A missing entry is tagged on its own. */
  tokens?: Array<Tok[] | undefined>;
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
  // Shared-word counts in a typed array reset after each claim, and the closest matches kept by
  // insertion into a short list: the Map and full comparator sort here were a fifth of relation finding.
  const count = new Int32Array(words.length);
  const touched: number[] = [];
  for (let i = 0; i < words.length; i++) {
    let k = 0;
    for (const w of words[i]!) {
      const list = index.get(w)!;
      const from = positions[i]![k++]! + 1;
      const to = Math.min(list.length, from + postingsPerWord);
      for (let p = from; p < to; p++) {
        const j = list[p]!;
        if (count[j] === 0) touched.push(j);
        count[j] = count[j]! + 1;
      }
    }
    // Keep the closest matches only, so a draft that repeats itself stays linear: most shared words
    // first, then the nearer claim. Key = count * 2^24 + (2^24 - 1 - j), so a larger key is a better
    // match; the best MAX_CANDIDATES are kept by insertion (a claim touches up to ~1,000 others).
    const top: number[] = [];
    for (const j of touched) {
      const key = count[j]! * PACK + (PACK - 1 - j);
      if (top.length === MAX_CANDIDATES && key <= top[MAX_CANDIDATES - 1]!) continue;
      let at = top.length < MAX_CANDIDATES ? top.length : MAX_CANDIDATES - 1;
      while (at > 0 && top[at - 1]! < key) {
        top[at] = top[at - 1]!;
        at--;
      }
      top[at] = key;
    }
    const best = top.map((key) => PACK - 1 - (key % PACK));
    // Pairs in (i, j) order, as the passes below expect.
    best.sort((x, y) => x - y);
    for (const j of best) pairs.push([i, j]);
    for (const j of touched) count[j] = 0;
    touched.length = 0;
  }
  return pairs;
}
// Claim indexes fit in 24 bits (16 million claims; a 1 MB draft has ~5,000).
const PACK = 2 ** 24;

// Measures that say nothing on their own: "12 people" and "15 people" may count different things.
const GENERIC_MEASURE = new Set(['people', 'person', 'duration', 'thing', 'case', 'member', 'time']);
// Below this, two measures are different things ("cost"/"vehicle" scores 0.49 on the vectors).
const SAME_MEASURE = 0.7;
const VECTOR_SAME = 0.75;
// Share of the headline's words found in the body claim plus their vectors' cosine (tune set: true
// restatements 1.30-1.91, the runner-up in the same article at most 1.20).
const HEADLINE_SAME = 1.25;
// A misstated figure is off by a little: 4.2 and 11.3 percent are two different rates ("teen").
const MAX_RATIO = 2;

/** How surely two frames measure the same thing (0-1) and the word that says so. */
function measureMatch(a: Frame, b: Frame): number {
  // Dates: the same event verb, exactly ("opens" / "opening"); a date says nothing else about its event.
  if (a.dim === 'day' || a.dim === 'date') return a.measure.some((m) => b.measure.includes(m)) ? 0.8 : 0;
  // Ordinals: a shared word of what the series counts ("month"); "time" or "place" alone is no series.
  if (a.dim === 'ordinal') return a.measure.some((m) => !GENERIC_MEASURE.has(m) && m !== 'straight' && b.measure.includes(m)) ? 0.8 : 0;
  const [sa, sb] = [a.measure.filter((m) => !GENERIC_MEASURE.has(m)), b.measure.filter((m) => !GENERIC_MEASURE.has(m))];
  if (!sa.length || !sb.length) {
    // Only generic words on one side: the same generic word, and nothing more specific against it.
    if (sa.length || sb.length) return 0;
    return a.measure.some((m) => b.measure.includes(m)) ? 0.7 : 0;
  }
  // The nearest nouns are what is measured; words further off are context ("library hours at 8 of 22
  // branches"), so only the two nearest of each are compared.
  let best = 0;
  for (const x of sa.slice(0, 2)) {
    for (const y of sb.slice(0, 2)) {
      const r = relatedness(x, y);
      // Vectors put "tax" near "budget" and "district" near "commissioner": only close neighbours count.
      const score = r.via === 'vectors' && r.score < VECTOR_SAME ? 0 : r.score;
      // A word further off counts only against the other's nearest: "cost the operator £4.2 million".
      best = Math.max(best, x === sa[0] || y === sb[0] ? score : 0);
    }
  }
  return best;
}

// "8 of the city's 22 branches": the 8 counts a part, not the whole.
const isPart = (c: ExtractedClaim, f: Frame) => /^\s+of\s+(?:\S+\s+){0,2}\d/.test(c.quote.slice(f.end - c.start, f.end - c.start + 30));

/** "12 days vs 9 days: length of the strike"; with sources when they differ. Whole words only. */
function contradictionReason(x: Frame, y: Frame, fa: ClaimFrames, fb: ClaimFrames): string {
  const who = fa.source && fb.source && fa.source.toLowerCase() !== fb.source.toLowerCase();
  const left = who ? `${x.text} (${fa.source})` : x.text;
  const right = who ? `${y.text} (${fb.source})` : y.text;
  return `${left} vs ${right}: ${about(x, y)}`;
}

function about(x: Frame, y: Frame): string {
  const phrase = x.measurePhrase || y.measurePhrase;
  if (x.dim === 'duration') return phrase ? `length of the ${phrase.toLowerCase()}` : 'how long it lasted';
  if (x.dim === 'ordinal') return phrase ? `which ${phrase.toLowerCase()} in the series` : 'place in a series';
  if (x.dim === 'day' || x.dim === 'date') return 'the date';
  if (x.dim === 'score') return phrase ? `the ${phrase.toLowerCase()} count` : 'the count';
  return phrase ? `the ${phrase}` : 'the same measure';
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Keys that put two claims in each other's candidate lists: their words and their measures' meanings. */
function candidateKeys(words: Set<string>, f: ClaimFrames): Set<string> {
  const keys = new Set(words);
  for (const l of f.lemmas) keys.add(l);
  for (const fr of f.frames) {
    for (const m of fr.measure.slice(0, 2)) {
      keys.add(`m:${m}`);
      for (const o of nounSenses(m, 2)) keys.add(`s:${o}`);
    }
  }
  return keys;
}

/** Whether two claims lie in one sentence: no sentence end between the first's end and the second's start. */
function sameSentence(a: ExtractedClaim, b: ExtractedClaim, text: string): boolean {
  const [x, y] = a.start <= b.start ? [a, b] : [b, a];
  if (y.start < x.end) return true;
  if (y.start - x.end > 200) return false;
  return !/[.!?]["'\u201d\u2019)\]]*(?:\s|$)/u.test(text.slice(Math.max(x.start, x.end - 3), y.start));
}

export function findRelations(claims: ExtractedClaim[], options: RelationOptions = {}): ClaimRelation[] {
  const relations: ClaimRelation[] = [];
  const words = claims.map((c) => contentWords(c.quote));
  const frames = claims.map((c, i) => claimFrames(c, options.text, options.tokens?.[i]));
  const keys = claims.map((_, i) => candidateKeys(words[i]!, frames[i]!));
  const pairs = candidatePairs(keys, options.postingsPerWord ?? POSTINGS_PER_WORD);
  // Scope words qualify the figure when they come before it or just after ("96,000 still without
  // power"); "1,200 respondents, most of them by telephone" is a detail further on.
  const scopes = claims.map((c, i) => {
    const first = frames[i]!.frames[0];
    return scopeMarkers(first ? c.quote.slice(0, first.end - c.start + 25) : c.quote);
  });
  const lemmaSets = frames.map((f) => new Set(f.lemmas));
  // Per claim, not per candidate pair: each claim meets up to 2 x MAX_CANDIDATES pairs.
  const claimPeriods = claims.map((c) => periods(c.quote));
  const parts = claims.map((c, i) => frames[i]!.frames.map((f) => isPart(c, f)));
  const shared = (i: number, j: number) => { let n = 0; for (const w of lemmaSets[i]!) if (lemmaSets[j]!.has(w)) n++; return n; };

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
  const samePeriod = (i: number, j: number) => {
    const [pa, pb] = [claimPeriods[i]!, claimPeriods[j]!];
    return !(pa.size && pb.size && ![...pa].some((p) => pb.has(p)));
  };
  for (const [i, j] of pairs) {
    if (root(i) === root(j)) continue;
    const [fa, fb] = [frames[i]!, frames[j]!];
    // The same amount: equal after conversion, or "about 18,500" for 18,500; "more than 60" and 64 are
    // consistent but not the same statement.
    const sameValue = (x: Frame, y: Frame) => x.dim === y.dim && (x.dim === 'score' || x.dim === 'ordinal'
      ? x.value === y.value
      : consistent(x, y) && [x.lo, x.hi, y.lo, y.hi].every(Number.isFinite));
    let duplicate: { reason: string; confidence: number } | undefined;
    const [na, nb] = [fa.frames, fb.frames];
    // One claim's figures must all appear in the other: "cuts hours at 8 of the 22 branches" and "the
    // 22 branches recorded 2.4 million visits" share a number but state different facts.
    const nested = na.length > 0 && nb.length > 0 && (na.every((x) => nb.some((y) => sameValue(x, y))) || nb.every((y) => na.some((x) => sameValue(x, y))));
    if (nested && samePeriod(i, j)) {
      for (const x of na) {
        for (const y of nb) {
          if (!sameValue(x, y)) continue;
          // A distinctive figure (40,000; $2.3 million) said twice with shared context is one fact even
          // when the counted noun differs ("passengers" / "people").
          const distinctive = x.dim !== 'ordinal' && x.dim !== 'score' && (Math.abs(x.value) >= 1000 || !Number.isInteger(x.value * 100) || x.dim.startsWith('money')) && shared(i, j) >= 2;
          const m = Math.max(measureMatch(x, y), distinctive ? SAME_MEASURE : 0);
          if (m < SAME_MEASURE) continue;
          const c = round2(Math.min(0.95, 0.5 + 0.4 * m));
          if (!duplicate || c > duplicate.confidence) {
            const phrase = x.measurePhrase || y.measurePhrase;
            const what = phrase ? `about the ${phrase}` : 'about the same thing';
            duplicate = { reason: x.text === y.text ? `both say "${x.text}" ${what}` : `${x.text} and ${y.text} are the same amount, ${what}`, confidence: c };
          }
        }
      }
    }
    if (!duplicate && jaccard(words[i]!, words[j]!) >= 0.6) duplicate = { reason: 'the same statement in nearly the same words', confidence: 0.9 };
    // A paraphrase without figures: most of the meaning words shared, and no figure on either side.
    if (!duplicate && !na.length && !nb.length && jaccard(lemmaSets[i]!, lemmaSets[j]!) >= 0.55) duplicate = { reason: 'the same statement in other words', confidence: 0.6 };
    if (duplicate) {
      relations.push({ type: 'duplicates', a: claims[i]!.id, b: claims[j]!.id, reason: duplicate.reason, confidence: duplicate.confidence });
      group[root(j)] = root(i);
    }
  }

  // A headline restated in the body: the body claim sharing most of its words, weighed with the
  // word vectors ("reopens" / "ran through ... again"). One link per headline, so this stays linear.
  // Each claim's vector once: a long draft with many headlines compared every body claim's vector again per headline.
  const vectors = new Map<number, ReturnType<typeof sentenceVector>>();
  const vectorOf = (j: number) => {
    if (!vectors.has(j)) vectors.set(j, sentenceVector([...lemmaSets[j]!]));
    return vectors.get(j);
  };
  claims.forEach((h, i) => {
    if (!h.flags.includes('headline') || !lemmaSets[i]!.size) return;
    const hv = vectorOf(i);
    if (!hv) return;
    let best = -1;
    let bestScore = 0;
    claims.forEach((c, j) => {
      const n = shared(i, j);
      const overlap = n / lemmaSets[i]!.size;
      if (j === i || n < 3 || overlap < 0.4) return;
      const v = vectorOf(j);
      if (!v) return;
      let cos = 0;
      for (let d = 0; d < v.length; d++) cos += v[d]! * hv[d]!;
      if (overlap + cos > bestScore) [best, bestScore] = [j, overlap + cos];
    });
    if (best >= 0 && bestScore >= HEADLINE_SAME && root(best) !== root(i)) {
      relations.push({ type: 'duplicates', a: h.id, b: claims[best]!.id, reason: 'the headline restated in the body', confidence: round2(Math.min(0.9, bestScore / 2)) });
      group[root(best)] = root(i);
    }
  });

  // What a group of duplicates is about, pooled: a headline's "$2.3 billion budget" is the lede's
  // "$2.3 billion budget for next year".
  const groupPeriods = new Map<number, Set<string>>();
  claims.forEach((c, i) => {
    const set = groupPeriods.get(root(i)) ?? new Set<string>();
    for (const p of claimPeriods[i]!) set.add(p);
    groupPeriods.set(root(i), set);
  });
  // The story's main subject: the name the first claim (the lede) uses that recurs most ("the Elm
  // Street bridge"). A claim that names nobody ("the bridge carries 42,000 vehicles") is about it.
  const entityCount = new Map<string, number>();
  const named = (c: ExtractedClaim, f: ClaimFrames) => new Set(c.entities.filter((e) => e.role !== 'speaker' && (e.kind !== 'other' || /\s/.test(e.text)) && !(f.source ?? '').includes(e.text)).map((e) => e.text.replace(/^the\s+/i, '')));
  claims.forEach((c, i) => { for (const t of named(c, frames[i]!)) entityCount.set(t, (entityCount.get(t) ?? 0) + 1); });
  const lede = claims[0] ? named(claims[0], frames[0]!) : new Set<string>();
  const main = [...lede].filter((t) => (entityCount.get(t) ?? 0) >= 2).sort((x, y) => entityCount.get(y)! - entityCount.get(x)!)[0];
  const ownNames = claims.map((c, i) => named(c, frames[i]!));
  const subjects = ownNames.map((n) => (n.size === 0 && main ? new Set([main]) : n));
  // A claim that names nobody may still point at the other's subject in common words: "the
  // institute" for "the Aldren Institute".
  // Each claim's subject words (lowercase, longer than 3 letters) are split once, not once per pair.
  const subjectWords = subjects.map((names) => [...names].flatMap((t) => t.toLowerCase().split(/\s+/)).filter((w) => w.length > 3));
  const mentions = (i: number, j: number) => subjectWords[j]!.some((w) => lemmaSets[i]!.has(w));
  const sameSubject = (i: number, j: number) => {
    const [sa, sb] = [subjects[i]!, subjects[j]!];
    if (!sa.size || !sb.size || [...sa].some((t) => sb.has(t))) return true;
    return (ownNames[i]!.size === 0 && mentions(i, j)) || (ownNames[j]!.size === 0 && mentions(j, i));
  };

  // Pass 2, contradictions: the same measure (by meaning) of the same subject, in the same scope and
  // period, with values that cannot both hold after unit conversion.
  for (const [i, j] of pairs) {
    if (root(i) === root(j)) continue;
    const [a, b] = [claims[i]!, claims[j]!];
    const [fa, fb] = [frames[i]!, frames[j]!];
    // List items ("First, ...", "Second, ...") state different things by construction.
    if (fa.enumeration && fb.enumeration) continue;
    // Atoms of one sentence ("The labour force grew to 3.1 million, up from 3.0 million") are the
    // writer's own comparison, never a contradiction.
    if (options.text && sameSentence(a, b, options.text)) continue;
    const [pa, pb] = [groupPeriods.get(root(i))!, groupPeriods.get(root(j))!];
    if (pa.size && pb.size && ![...pa].some((p) => pb.has(p))) continue;
    if (scopes[i] !== scopes[j]) continue;
    if (!sameSubject(i, j)) continue;
    const [sa, sb] = [subjects[i]!, subjects[j]!];
    // Different actors measuring the same kind of thing: "Employers added 18,500 jobs" and "Retailers
    // expect to add 9,000 workers". Only when neither subject is itself the measure ("The strike lasted").
    const [ua, ub] = [fa.subjectNoun, fb.subjectNoun];
    const measured = (f: ClaimFrames, u: string) => f.frames.some((x) => x.measure.includes(u));
    if (ua && ub && ua !== ub && !measured(fa, ua) && !measured(fb, ub) && relatedness(ua, ub).score < 0.6) continue;
    let best: { reason: string; confidence: number } | undefined;
    for (let xi = 0; xi < fa.frames.length; xi++) {
      const x = fa.frames[xi]!;
      if (parts[i]![xi]) continue;
      for (let yi = 0; yi < fb.frames.length; yi++) {
        const y = fb.frames[yi]!;
        if (y.dim !== x.dim || consistent(x, y) || parts[j]![yi]) continue;
        // A misstated figure is off by a little, not by an order of magnitude: 14 residents and
        // 410,000 residents are two different counts.
        const ratio = Math.max(x.value, y.value) / Math.max(1e-9, Math.min(x.value, y.value));
        if (!['score', 'ordinal', 'day', 'date'].includes(x.dim) && ratio > MAX_RATIO) continue;
        const m = measureMatch(x, y);
        if (m < SAME_MEASURE) continue;
        const named = sa.size > 0 && sb.size > 0;
        const confidence = round2(Math.min(0.95, 0.4 + 0.4 * m + (named ? 0.1 : 0) + (fa.source && fb.source ? 0.05 : 0)));
        if (!best || confidence > best.confidence) best = { reason: contradictionReason(x, y, fa, fb), confidence };
      }
    }
    if (best) relations.push({ type: 'contradicts', a: a.id, b: b.id, reason: best.reason, confidence: best.confidence });
  }
  // Most certain first: the review screen lists them in this order.
  return relations.sort((x, y) => (y.confidence ?? 0) - (x.confidence ?? 0));
}
