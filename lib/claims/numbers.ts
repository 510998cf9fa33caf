// Finds the numbers a sentence states and normalises them, so that later stages (types, scoring,
// contradiction detection) compare values, not strings: "320,000" -> 320000, "eighth" -> 8,
// "$2.3 billion" -> 2300000000 USD, "12.5 percent" -> 12.5 %, "5-4" -> a vote or score.

export type NumberKind = 'cardinal' | 'ordinal' | 'percent' | 'money' | 'year' | 'date' | 'score' | 'duration';

export type StatedNumber = {
  /** The text as written, e.g. "more than 320,000". */
  raw: string;
  /** Offsets relative to the string passed in. */
  start: number;
  end: number;
  kind: NumberKind;
  value: number;
  /** For scores/votes: the second number of "5-4". */
  value2?: number;
  unit?: string;
  /** "more than 60" -> "gt"; "at least" -> "gte"; "about" -> "approx"; "fewer than" -> "lt". */
  qualifier?: 'gt' | 'gte' | 'lt' | 'lte' | 'approx';
};

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, dozen: 12, dozens: 24,
};
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
  hundredth: 100,
};
const SCALE: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, m: 1e6, bn: 1e9, k: 1e3,
};
const CURRENCY: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const DURATION_UNITS = /^(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)$/i;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';

const QUALIFIERS: Array<[RegExp, StatedNumber['qualifier']]> = [
  [/(?:more than|over|above|exceeding|upwards of)\s+$/i, 'gt'],
  [/(?:at least|no fewer than|no less than)\s+$/i, 'gte'],
  [/(?:less than|fewer than|under|below)\s+$/i, 'lt'],
  [/(?:at most|no more than|up to)\s+$/i, 'lte'],
  [/(?:about|around|roughly|nearly|almost|approximately|some|an estimated|close to)\s+$/i, 'approx'],
];

const SCORE_CONTEXT = /\b(?:vot\w*|rul\w*|decision|won|win|wins|victory|beat|lost|loss|defeat\w*|majority|margin|split|score\w*|lead|in favou?r|verdict|tally|final)\b/i;
const WORD_NUM = Object.keys(SMALL).join('|');
const ORD_WORD = Object.keys(ORDINALS).join('|');

// One pass over the string with alternatives ordered from most to least specific.
const NUMBER_RE = new RegExp(
  [
    `(?<date>\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b|\\b\\d{1,2}\\s+(?:${MONTHS})\\b(?:\\s+\\d{4})?)`,
    `(?<score>\\b\\d{1,3}\\s?[-\u2013]\\s?\\d{1,3}\\b(?![-\u2013]|\\s?(?:%|percent)))`,
    `(?<money>[$€£¥]\\s?\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:\\s?(?:thousand|million|billion|trillion|bn|m|k)\\b)?|\\b\\d+(?:,\\d{3})*(?:\\.\\d+)?\\s?(?:thousand|million|billion|trillion)?\\s(?:dollars|euros|pounds|yen)\\b)`,
    `(?<percent>\\b\\d+(?:\\.\\d+)?\\s?(?:%|percent\\b|per cent\\b|percentage points?\\b))`,
    `(?<ordnum>\\b\\d+(?:st|nd|rd|th)\\b)`,
    `(?<num>\\b\\d+(?:,\\d{3})*(?:\\.\\d+)?(?:\\s?(?:thousand|million|billion|trillion|bn)\\b)?)`,
    `(?<ordword>\\b(?:${ORD_WORD})\\b)`,
    `(?<word>\\b(?:${WORD_NUM})(?:[-\\s](?:${WORD_NUM}))?(?:\\s(?:thousand|million|billion))?\\b)`,
  ].join('|'),
  'giu',
);

function parsePlain(s: string): number {
  const m = /(\d[\d,]*(?:\.\d+)?)\s?(thousand|million|billion|trillion|bn|m|k)?/i.exec(s);
  if (!m) return NaN;
  const base = Number(m[1]!.replace(/,/g, ''));
  const scale = m[2] ? SCALE[m[2].toLowerCase()] ?? 1 : 1;
  return base * scale;
}

function parseWords(s: string): number {
  const parts = s.toLowerCase().split(/[-\s]+/);
  let total = 0;
  let scale = 1;
  for (const p of parts) {
    if (p in SMALL) total = p === 'hundred' ? Math.max(total, 1) * 100 : total + SMALL[p]!;
    else if (p in SCALE) scale = SCALE[p]!;
  }
  return total * scale;
}

/** Lists the numbers stated in `text`, normalised. Never throws. */
// Every alternative of NUMBER_RE needs a digit or a number word: most sentences have neither, and
// this test is far cheaper than running the full pattern over them.
const MAYBE_NUMBER = new RegExp(`\\d|\\b(?:${WORD_NUM}|${ORD_WORD})\\b`, 'i');

export function extractNumbers(text: string): StatedNumber[] {
  const out: StatedNumber[] = [];
  if (!MAYBE_NUMBER.test(text)) return out;
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(text); m; m = NUMBER_RE.exec(text)) {
    if (m[0].length === 0) { NUMBER_RE.lastIndex++; continue; }
    const g = m.groups ?? {};
    const raw = m[0];
    let item: Omit<StatedNumber, 'raw' | 'start' | 'end'> | null = null;
    if (g.date) {
      const year = /\b(\d{4})\b/.exec(raw);
      item = { kind: 'date', value: year ? Number(year[1]) : NaN, unit: raw };
    } else if (g.score) {
      const [a, b] = raw.split(/\s?[-\u2013]\s?/).map(Number);
      const context = text.slice(Math.max(0, m.index - 40), m.index + raw.length + 30);
      const isVote = SCORE_CONTEXT.test(context);
      if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) item = null;
      // Without vote/score words around it, "18-24" is a range: keep its lower bound as a cardinal.
      else item = isVote ? { kind: 'score', value: a, value2: b } : { kind: 'cardinal', value: a, value2: b, unit: 'range' };
    } else if (g.money) {
      const sym = /[$€£¥]/.exec(raw)?.[0];
      const word = /(dollars|euros|pounds|yen)/i.exec(raw)?.[1]?.toLowerCase();
      const unit = sym ? CURRENCY[sym] : word === 'dollars' ? 'USD' : word === 'euros' ? 'EUR' : word === 'pounds' ? 'GBP' : 'JPY';
      item = { kind: 'money', value: parsePlain(raw), unit };
    } else if (g.percent) {
      item = { kind: 'percent', value: parsePlain(raw), unit: /points?/i.test(raw) ? 'pp' : '%' };
    } else if (g.ordnum) {
      item = { kind: 'ordinal', value: Number(raw.replace(/\D/g, '')) };
    } else if (g.num) {
      const v = parsePlain(raw);
      const isYear = /^(1[6-9]|20)\d\d$/.test(raw) && !/,/.test(raw);
      item = { kind: isYear ? 'year' : 'cardinal', value: v };
    } else if (g.ordword) {
      item = { kind: 'ordinal', value: ORDINALS[raw.toLowerCase()]! };
    } else if (g.word) {
      // "one" on its own is usually a pronoun ("one of the reasons"); keep it only with a noun count.
      if (/^(?:one|zero)$/i.test(raw)) item = null;
      else item = { kind: 'cardinal', value: parseWords(raw) };
    }
    if (!item || Number.isNaN(item.value) && item.kind !== 'date') continue;
    // A cardinal followed by a time unit is a duration: "30 days", "three weeks", "six-year".
    const after = /^[\s-]?([A-Za-z]+)/.exec(text.slice(m.index + raw.length, m.index + raw.length + 12));
    if (item.kind === 'cardinal' && after && DURATION_UNITS.test(after[1]!)) {
      item = { ...item, kind: 'duration', unit: after[1]!.toLowerCase().replace(/s$/, '') };
    }
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const qualifier = QUALIFIERS.find(([re]) => re.test(before))?.[1];
    out.push({ raw, start: m.index, end: m.index + raw.length, ...item, ...(qualifier ? { qualifier } : {}) });
  }
  return out;
}
