// Tells stated quantities ("87 people", "$2.3 billion", "12.5 percent", a 5-4 vote) from the other
// places digits and number words turn up: ordinals opening a sentence ("Third, ..."), idioms ("one of
// these days", "a million times"), ages, durations of speech ("two minutes"), names that carry digits
// ("COVID-19", "F-35", "G7"), citation markers ("[105]"), URLs, figure and section labels, times of
// day. The model gets each kind as its own feature (lib/claims/features.ts) and weighs it; nothing
// here forces a score. Issue 11: "number => at least 0.75" fired on all of these.
import { extractNumbers, type StatedNumber } from './numbers';

export type NumberUse =
  | 'quantity' // a count, amount, share, price or tally: what a desk checks
  | 'ordinal'
  | 'idiom'
  | 'age'
  | 'duration'
  | 'year'
  | 'date'
  | 'time'
  | 'name' // COVID-19, H1N1, F-35, G7, 5G, Boeing 737, Windows 10
  | 'citation' // [105], [12, 13]
  | 'url'
  | 'label'; // Figure 3, Table 2, Section 4, page 12, No. 10, Article 5

export type NumberMention = { raw: string; start: number; end: number; use: NumberUse; number?: StatedNumber };

// Masked spans: found first, blanked out before numbers are read, so "COVID-19" is not "19".
const MASKS: Array<[NumberUse, RegExp]> = [
  ['url', /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+\/\S*/giu],
  ['citation', /\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]/gu],
  ['time', /\b\d{1,2}(?::\d{2})+\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*(?:am|pm)\b/giu],
  ['label', /\b(?:Fig(?:ure)?s?\.?|Tables?|Charts?|Graphs?|Sections?|Chapters?|Appendix|Articles?|Amendments?|Clauses?|Paragraphs?|Pages?|pp?\.|No\.|Nos\.|Exhibit|Slide|Step|Part|Volume|Vol\.|Episode|Season|Route|Highway|Interstate|Flight|Room|Gate|Platform|Level|Category|Phase|Stage|Title|Rule|Bill|Proposition|Prop\.|Question)\s+(?:[IVXLC]+\b|\d+[A-Za-z]?(?:\.\d+)*)/gu],
  // Letters and digits in one word: disease, product and group names ("COVID-19", "H1N1", "F-35",
  // "G7", "5G", "MP3", "B-52"), and a capitalised product line with a model number ("Boeing 737").
  ['name', /\b(?:[A-Za-z]+-?\d+[A-Za-z\d]*(?:-\d+)?|\d+[A-Za-z]+\d*)\b|\b(?:Boeing|Airbus|Windows|iPhone|Galaxy|Apollo|Artemis|Soyuz|Vision|Agenda)\s+\d+\b/gu],
];

// Digits glued to letters that are still numbers: ordinals, decades, units, "mid-2020".
const NOT_A_NAME = /^(?:\d+(?:st|nd|rd|th|s|'s|k|m|bn|tn|km|kg|mph|kph|mm|cm|ft|lbs?|mg|ml|gb|mb|tb|mw|gw|kw|kwh|mwh|x|bp|pc|am|pm|p|c|f|min|hrs?|yrs?)|(?:mid|pre|post|late|early|over|under|about|circa|since|top|under|aged?)-\d+s?)$/iu;

// Idioms with number words: a speaker's "a million times" or "one of these days" states no quantity.
const IDIOMS = /\b(?:one of these days|one (?:or|and) (?:two|the other)|one another|one day|no one|every one|any one|one by one|once or twice|a (?:hundred|thousand|million|billion) (?:times|reasons|ways|miles|things|years|questions|percent)|(?:a |one )?hundred (?:percent|per cent) (?:sure|certain|committed|behind|right|wrong|confident|correct)|100 (?:percent|per cent|%) (?:sure|certain|committed|behind|right|wrong|confident|correct)|two cents|two (?:sides of|minds)|second to none|(?:on )?second thought|in the first place|first (?:of all|and foremost|things first)|at first|(?:a|the) (?:couple|few) of|nine times out of ten|(?:six|half) (?:of one|a dozen)|at sixes and sevens|cloud nine|seventh heaven|the (?:two|three|four) of (?:us|you|them)|both of|zero tolerance|number one|one[- ]on[- ]one|two[- ]way|one[- ]sided|third[- ]party|first[- ]hand|second[- ]hand|first[- ]class|second[- ]class|twenty[- ]first century|(?:19|20|21)(?:st|th) century|two[- ]thirds of the way)\b/giu;
// "First, ...", "Second: ...", "Third and finally" open an argument; they count nothing.
const ORDINAL_OPENER = /^[\s"'“‘(]*(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|finally|last(?:ly)?|number (?:one|two|three|four|five))\b\s*[,:;—–-]/iu;
const AGE_AFTER = /^[\s-]*(?:-?years?[- ]old|-?months?[- ]old|-?year-olds?|yo\b)/iu;
const AGE_BEFORE = /\b(?:aged?|ages|at the age of|turns?|turned|turning)\s+$/iu;

function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
}

/** Every number-like mention in `sentence`, each labelled with what it is used for. */
export function numberMentions(sentence: string): NumberMention[] {
  const out: NumberMention[] = [];
  let masked = sentence;
  // Every mask needs a digit; most sentences have none.
  // exec() loops on the shared global regexes rather than matchAll, which copies the regex and
  // builds an iterator per call: scoring runs this for every sentence and atom. Each scan reads the
  // text as it was when the scan began (as matchAll did); blanking keeps every offset.
  for (const [use, re] of /\d/.test(sentence) ? MASKS : []) {
    const scanned = masked;
    re.lastIndex = 0;
    for (let m = re.exec(scanned); m; m = re.exec(scanned)) {
      // Only a mention if it holds a digit: "Section B" or a word-only URL part is not a number.
      if (!/\d/.test(m[0])) continue;
      if (use === 'name' && NOT_A_NAME.test(m[0])) continue;
      out.push({ raw: m[0], start: m.index, end: m.index + m[0].length, use });
      masked = blank(masked, m.index, m.index + m[0].length);
    }
  }
  const idiomSpans: Array<[number, number]> = [];
  IDIOMS.lastIndex = 0;
  for (let m = IDIOMS.exec(masked); m; m = IDIOMS.exec(masked)) idiomSpans.push([m.index, m.index + m[0].length]);
  const opener = ORDINAL_OPENER.exec(masked);
  for (const n of extractNumbers(masked)) {
    let use: NumberUse;
    const after = masked.slice(n.end, n.end + 16);
    const before = masked.slice(Math.max(0, n.start - 20), n.start);
    if (idiomSpans.some(([a, b]) => n.start >= a && n.end <= b)) use = 'idiom';
    else if (opener && n.start < opener[0].length) use = 'ordinal';
    else if (AGE_AFTER.test(after) || AGE_BEFORE.test(before)) use = 'age';
    else if (n.kind === 'ordinal') use = 'ordinal';
    else if (n.kind === 'duration') use = 'duration';
    else if (n.kind === 'year') use = 'year';
    else if (n.kind === 'date') use = 'date';
    else use = 'quantity';
    out.push({ raw: n.raw, start: n.start, end: n.end, use, number: n });
  }
  // Idioms made only of words extractNumbers skips ("one of these days") still count as idioms.
  for (const [a, b] of idiomSpans) {
    if (!out.some((m) => m.start >= a && m.end <= b)) out.push({ raw: sentence.slice(a, b), start: a, end: b, use: 'idiom' });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The numbers a sentence states as quantities (counts, amounts, shares, tallies). */
export function statedQuantities(sentence: string): StatedNumber[] {
  return numberMentions(sentence).flatMap((m) => (m.use === 'quantity' && m.number ? [m.number] : []));
}
