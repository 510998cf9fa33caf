// A small frame per stated quantity: what is measured (nouns near the number, as lemmas), of what
// subject, when, and who says so. Relations compare frames, not strings, so "a two-week shutdown"
// meets "the stoppage lasted ten days" and two unrelated "12"s do not meet.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { SpanToken } from './features';
import { isNoun } from './lexicon';
import { findSpeakerName } from './speakers';
import type { ExtractedClaim } from './schema';
import { fractionQuantities, toQuantity, type Quantity } from './units';

// Sentence splitting and POS only: frames read token texts, lemmas and tags. wink's negation,
// sentiment and entity passes write nothing POS tagging reads (same tags on 23,000 sentences and a
// 100,000-word article; scripts/check-claims-identical.ts), and were half of each per-claim readDoc.
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

export type Frame = Quantity & {
  /** Lemmas of what the number measures, nearest first ("cost", "repair"). */
  measure: string[];
  /** Whole words for a reason: "cost of the bridge repairs". */
  measurePhrase: string;
};

export type ClaimFrames = {
  /** The noun the sentence is about, when it is not what is measured ("Retailers" in "Retailers expect to add 9,000 workers"). */
  subjectNoun?: string;
  frames: Frame[];
  /** Content lemmas of the whole claim (for paraphrase duplicates). */
  lemmas: string[];
  /** Who the claim attributes its figures to, as written ("the auditors", "Mayor Ana Torres"). */
  source?: string;
  /** "First," / "Second," list items: never contradict each other. */
  enumeration: boolean;
};

// Verbs that name the measure themselves ("shut for 30 days", "killed 12").
const VERB_MEASURE: Record<string, string> = {
  shut: 'closure', close: 'closure', kill: 'death', die: 'death', poll: 'sample', survey: 'sample', interview: 'sample',
  cost: 'cost', spend: 'cost', employ: 'staff', hire: 'staff', jail: 'sentence', sentence: 'sentence', imprison: 'sentence', strike: 'strike', last: '', injure: 'injury', evacuate: 'evacuation',
  attend: 'attendance', vote: 'vote', rule: 'ruling', lose: 'lost', earn: 'income', raise: 'fund', sell: 'sale', borrow: 'loan',
};
// News-copy equivalences that neither WordNet nor the vectors join reliably (cost/bill: 0.50).
export const CANONICAL: Record<string, string> = {
  bill: 'cost', price: 'cost', expense: 'cost', tab: 'cost', spending: 'cost', outlay: 'cost', tag: 'cost', pricetag: 'cost',
  respondent: 'sample', voter: 'sample', adult: 'sample', participant: 'sample', interviewee: 'sample',
  toll: 'death', fatality: 'death', dead: 'death', killed: 'death',
  shutdown: 'closure', stoppage: 'closure', closing: 'closure', walkout: 'strike', stoppages: 'closure',
  position: 'job', post: 'job', vacancy: 'job', worker: 'staff', employee: 'staff', personnel: 'staff', workforce: 'staff',
  term: 'sentence', prison: 'sentence', jail: 'sentence', shutdown_: 'closure',
  inhabitant: 'resident', population: 'resident', people: 'people', car: 'vehicle',
  decision: 'ruling', verdict: 'ruling',
  jobless: 'unemployment', unemployed: 'unemployment',
};
// Words around a number that say nothing about what it measures.
const NOISE = new Set(['percent', 'per', 'cent', 'million', 'billion', 'thousand', 'trillion', 'year', 'month', 'week', 'day', 'hour', 'minute', 'decade', 'time', 'total', 'number', 'figure', 'amount', 'estimate', 'report', 'statement', 'official', 'analysis', 'survey', 'study', 'level', 'mile', 'acre', 'hectare', 'kilometre', 'kilometer', 'km', 'metre', 'meter', 'foot', 'feet', 'square', 'dollar', 'euro', 'lot', 'fortnight', 'some', 'more', 'less', 'about', 'first', 'second', 'third', 'half', 'quarter', 'one', 'rate']);

const CHANGE_NOUNS = new Set(['increase', 'rise', 'cut', 'fall', 'drop', 'decline', 'hike', 'reduction', 'growth', 'jump', 'gain', 'loss']);
const STOP_BEFORE = new Set(['from', 'without', 'until', 'than', 'since', 'after', 'before', 'with', 'between']);
// "eight in the morning", "at 10 p.m.": clock times, not quantities.
const CLOCK = /^\s*(?:in the (?:morning|afternoon|evening)|at night|a\.?m\.?|p\.?m\.?|o'clock)/i;

const canon = (lemma: string) => CANONICAL[lemma] ?? lemma;

const ENUMERATION = /^\s*(?:First|Second|Third|Fourth|Fifth|Finally|Lastly|Next|Firstly|Secondly|Thirdly)\s*,/;
const LIST_OPENER_BEFORE = /(?:^|[.!?:"\u201d]\s+|\n\s*)(?:First|Second|Third|Fourth|Fifth|Finally|Lastly|Next|Firstly|Secondly|Thirdly)\s*,\s*$/;

/** One wink-nlp token of a claim: offsets relative to the claim's quote, lemma lower-cased. */
export type Tok = SpanToken;

// Tags `quote` on its own. Used when no document tags are given (a claim built by hand, tests)
// and for a rewritten atom's `text`, which is not a slice of the article.
export function quoteTokens(quote: string): Tok[] {
  const all = nlp.readDoc(quote).tokens();
  // Whole columns at once: one out() per field instead of three per token.
  const texts = all.out() as string[];
  const lemmas = all.out(its.lemma as unknown as typeof its.pos) as string[];
  const pos = all.out(its.pos) as string[];
  const out: Tok[] = new Array(texts.length);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const start = quote.indexOf(text, at);
    const s = start < 0 ? at : start;
    out[i] = { text, lemma: lemmas[i]!.toLowerCase(), pos: pos[i]!, start: s, end: s + text.length };
    at = s + text.length;
  }
  return out;
}

const isNounTok = (t: Tok) => (t.pos === 'NOUN' || (t.pos === 'ADJ' && t.lemma in CANONICAL)) && /^[a-z][a-z-]+$/.test(t.lemma) && !NOISE.has(t.lemma);

/** What the quantity at [start, end) measures, nearest words first. */
function measureOf(toks: Tok[], start: number, end: number, dim: string): { measure: string[]; phrase: string } {
  const first = toks.findIndex((t) => t.end > start);
  let last = first;
  while (last + 1 < toks.length && toks[last + 1]!.start < end) last++;
  const found: Array<{ lemma: string; at: number; dist: number }> = [];
  // After: the noun the number counts ("42,000 vehicles", "two-week shutdown"), past units and adjectives.
  for (let k = last + 1, d = 1; k < toks.length && d <= 4; k++, d++) {
    const t = toks[k]!;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'ADP' && t.lemma !== 'of') break;
    if (t.lemma === 'of') continue;
    // The last noun of a compound: "212 fuel cards" counts cards.
    if (isNounTok(t)) {
      let e = k;
      while (e + 1 < toks.length && isNounTok(toks[e + 1]!)) e++;
      found.push({ lemma: toks[e]!.lemma, at: e, dist: d });
      // "a 4 percent increase in property tax": the change is of the tax.
      if (CHANGE_NOUNS.has(toks[e]!.lemma) && /^(?:in|of)$/.test(toks[e + 1]?.lemma ?? '')) {
        let n = e + 2;
        while (n < toks.length && !isNounTok(toks[n]!) && /^(?:DET|ADJ)$/.test(toks[n]!.pos)) n++;
        while (n + 1 < toks.length && isNounTok(toks[n]!) && isNounTok(toks[n + 1]!)) n++;
        if (toks[n] && isNounTok(toks[n]!)) found.push({ lemma: toks[n]!.lemma, at: n, dist: d - 0.5 });
      }
      break;
    }
  }
  // Before: "put the cost at", "a toll of", "stoppage that lasted", "shut for"; a verb that names the measure.
  for (let k = first - 1, d = 1; k >= 0 && d <= 7; k--, d++) {
    const t = toks[k]!;
    // "The stoppage, which lasted ten days": a relative clause still points back to its noun.
    if (t.pos === 'PUNCT' && t.text !== '-' && !(t.text === ',' && /^(?:which|that)$/i.test(toks[k + 1]?.text ?? ''))) break;
    // "patients without appointments from eight": the preposition starts another phrase.
    if (t.pos === 'ADP' && STOP_BEFORE.has(t.lemma)) break;
    if (t.pos === 'VERB' && VERB_MEASURE[t.lemma]) found.push({ lemma: VERB_MEASURE[t.lemma]!, at: k, dist: d + 0.5 });
    else if (t.pos === 'VERB' && t.lemma in VERB_MEASURE) { /* "lasted": the noun before it names the measure */ }
    else if (false) found.push({ lemma: VERB_MEASURE[t.lemma]!, at: k, dist: d + 0.5 });
    else if (t.pos === 'VERB' && /ed$/.test(t.text) && t.lemma in CANONICAL) found.push({ lemma: t.lemma, at: k, dist: d + 0.5 });
    if (isNounTok(t) && t.pos === 'NOUN') { found.push({ lemma: t.lemma, at: k, dist: d }); if (found.length >= 3) break; }
  }
  // A date measures when something happens: the event's verb ("opens", "opening"), nothing else.
  if (dim === 'day' || dim === 'date') {
    const events: string[] = [];
    for (let k = Math.max(0, first - 10); k < Math.min(toks.length, last + 4); k++) {
      const t = toks[k]!;
      if (t.pos === 'VERB' && !/^(?:be|have|do|say|will|would|take|make)$/.test(t.lemma)) events.push(t.lemma);
      else if (t.pos === 'NOUN' && /ing$/.test(t.text) && isNoun(t.lemma)) events.push(t.lemma.replace(/ing$/, ''));
    }
    return { measure: [...new Set(events.map((e) => e.replace(/^re/, '')))], phrase: '' };
  }
  // An ordinal counts a series: the words right after it say which ("fourth month in a row", "third
  // straight monthly decline"), time words included.
  let ordinalSeries: string[] = [];
  if (dim === 'ordinal') {
    const series = toks.slice(last + 1, last + 5).filter((t) => /^(?:NOUN|ADJ)$/.test(t.pos)).map((t) => t.lemma.replace(/ly$/, ''));
    const after = toks.slice(last + 1, last + 3).find((t) => t.pos === 'NOUN');
    if (after) return { measure: [...new Set(series)], phrase: after.text };
    ordinalSeries = series;
  }
  // Durations are about an event; counts and money about the nearest noun either side.
  // A survey verb names the measure better than the noun it counts ("polled 2,100 patients" is a sample size).
  // Money: "would cost the operator £4.2 million" is a cost, the operator pays it.
  const preferred = (f: { lemma: string }) => Number(f.lemma === 'sample' || (dim.startsWith('money') && f.lemma === 'cost'));
  const sorted = found.sort((x, y) => preferred(y) - preferred(x) || x.dist - y.dist);
  // "the veto was the eighth by the country": the noun before names the series.
  const measure = [...new Set([...sorted.map((f) => canon(f.lemma)), ...ordinalSeries])];
  if (dim === 'duration' && measure.length === 0) measure.push('duration');
  // The phrase: the best noun with what follows it up to four words ("cost of the bridge repairs").
  const best = sorted[0];
  let phrase = best ? toks[best.at]!.text : '';
  if (best && toks[best.at]!.pos === 'NOUN') {
    let k = best.at + 1;
    const extra: string[] = [];
    if (toks[k]?.lemma === 'of') {
      for (; k < toks.length && extra.length < 4; k++) {
        const t = toks[k]!;
        if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'NUM' || (extra.length > 0 && t.pos === 'ADP')) break;
        extra.push(t.text);
      }
      while (extra.length && /^(?:DET|ADP|ADJ)$/.test(toks[best.at + extra.length]!.pos)) extra.pop();
    }
    phrase = [phrase, ...extra].join(' ');
  } else phrase = ''; // a verb ("shut for 30 days") names no phrase: the other claim's noun will
  return { measure, phrase };
}

/** `text` is the article: an atomic claim's span starts after a list opener ("First, "), which still
 * marks the claim as one item of an enumeration. `given`: the quote's tokens sliced from the tags of
 * the whole document (extractClaims passes them), so the quote is not tagged a second time; without
 * them the quote is tagged alone. */
export function claimFrames(claim: ExtractedClaim, text?: string, given?: Tok[]): ClaimFrames {
  const toks = given ?? quoteTokens(claim.quote);
  const opener = text ? LIST_OPENER_BEFORE.test(text.slice(Math.max(0, claim.start - 16), claim.start)) : false;
  const rel = (n: { start: number; end: number }) => ({ start: n.start - claim.start, end: n.end - claim.start });
  const quantities: Quantity[] = [];
  for (const n of claim.numbers) {
    // "First," opening a list item is not a quantity.
    if (n.kind === 'ordinal' && ENUMERATION.test(claim.quote) && n.start - claim.start < 12) continue;
    if (CLOCK.test(claim.quote.slice(n.end - claim.start))) continue;
    const q = toQuantity(n, claim.quote, claim.start);
    if (q) quantities.push(q);
  }
  for (const q of fractionQuantities(claim.quote, claim.start)) if (!quantities.some((x) => x.start <= q.start && q.start < x.end)) quantities.push(q);
  // "A third" is a share, not an ordinal.
  const kept = quantities.filter((q) => !(q.dim === 'ordinal' && quantities.some((x) => x.dim === 'share' && x.start <= q.start && q.end <= x.end)));
  const source = findSpeakerName(claim.quote);
  let carriedSubject: string | null | undefined;
  const carried = () => {
    if (carriedSubject === undefined) {
      carriedSubject = null;
      if (claim.text && claim.text !== claim.quote) {
        const t = quoteTokens(claim.text);
        const v = t.findIndex((x) => x.pos === 'VERB' || x.pos === 'AUX');
        const noun = t.slice(0, v < 0 ? 0 : v).filter((x) => x.pos === 'NOUN' && !NOISE.has(x.lemma)).pop();
        if (noun) carriedSubject = canon(noun.lemma);
      }
    }
    return carriedSubject ?? undefined;
  };
  const sourceWords = new Set((source ?? '').toLowerCase().split(/\s+/).map((w) => w.replace(/s$/, '')));
  const frames = kept.map((q) => {
    const { start } = rel(q);
    let { end } = rel(q);
    // A duration's unit belongs to the number: "two-week shutdown" is measured by "shutdown".
    if (q.dim === 'duration') end += /^[\s-]?[A-Za-z]+/.exec(claim.quote.slice(end))?.[0].length ?? 0;
    const found = measureOf(toks, start, end, q.dim);
    // An atom cut from its sentence ("which lasted ten days") has no noun of its own: the subject
    // its self-contained text carries ("The stoppage lasted ten days") names what it measures.
    const bare = found.measure.length === 0 || (found.measure.length === 1 && found.measure[0] === 'duration');
    const measure = bare && carried() ? [carried()!] : found.measure;
    return { ...q, text: q.text.replace(/[,.;:]+$/, ''), measure: measure.filter((m) => !sourceWords.has(m)), measurePhrase: found.phrase };
  });
  const lemmas = [...new Set(toks.filter((t) => (t.pos === 'NOUN' || t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'PROPN') && t.lemma.length > 2 && !NOISE.has(t.lemma)).map((t) => canon(t.lemma)))];
  const firstVerb = toks.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  const subj = toks.slice(0, firstVerb < 0 ? 0 : firstVerb).filter((t) => t.pos === 'NOUN' && !NOISE.has(t.lemma)).pop();
  const subjectNoun = subj && !sourceWords.has(subj.lemma) ? canon(subj.lemma) : undefined;
  return { frames, lemmas, ...(subjectNoun ? { subjectNoun } : {}), enumeration: opener || ENUMERATION.test(claim.quote), ...(source ? { source } : {}) };
}
