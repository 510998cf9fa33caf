// Quantities in comparable units, so "a two-week shutdown" meets "ten days", "5 kilometres" meets
// "3.1 miles" and "a third" meets "33 percent". Only conversions that cannot change a fact are made:
// a value's dimension (time, money in one currency, share, length, area, count) never changes.
import type { ClaimNumber } from './schema';

export type Quantity = {
  /** "duration", "money:USD", "share", "pp", "length", "area", "count", "ordinal", "score". */
  dim: string;
  lo: number;
  hi: number;
  /** The exact value stated (base units), for equality. */
  value: number;
  /** As a reader would say it: "three weeks", "$40 million", "a third". */
  text: string;
  start: number;
  end: number;
};

const DAYS: Record<string, number> = { second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, fortnight: 14, month: 30.4, year: 365, decade: 3650 };
// Base units: metres and square metres.
const LENGTH: Record<string, number> = { km: 1000, kilometre: 1000, kilometer: 1000, mile: 1609.344, mi: 1609.344, metre: 1, meter: 1, m: 1, foot: 0.3048, feet: 0.3048, ft: 0.3048 };
const AREA: Record<string, number> = { acre: 4046.856, hectare: 10_000, ha: 10_000, 'square mile': 2_589_988, 'square kilometre': 1e6, 'square kilometer': 1e6, 'square km': 1e6, sqkm: 1e6 };
const FRACTIONS: Record<string, number> = { half: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fifth: 1 / 5, fifths: 1 / 5, tenth: 1 / 10 };
const SMALL: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

// Converted values that round differently ("5 km" / "3.1 miles") are the same fact within this.
const TOLERANCE = 0.03;
const EXACT = 0.005;

function bounds(value: number, n: Pick<ClaimNumber, 'qualifier' | 'value2' | 'unit'>, factor: number): [number, number] {
  if (n.unit === 'range' || n.value2 !== undefined) {
    const b = (n.value2 ?? value) * factor;
    return [Math.min(value * factor, b), Math.max(value * factor, b)];
  }
  const v = value * factor;
  switch (n.qualifier) {
    case 'gt': case 'gte': return [v, Infinity];
    case 'lt': case 'lte': return [-Infinity, v];
    case 'approx': return [v * 0.85, v * 1.15];
    // Only a converted value is rounded by the writer ("3.1 miles"); $2.2 and $2.3 billion differ.
    default: {
      const t = factor === 1 ? EXACT : TOLERANCE;
      return [v * (1 - t), v * (1 + t)];
    }
  }
}

const plural = (unit: string, value: number) => (value === 1 ? unit : `${unit}s`);

const MONTH_NUMBER = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A calendar day ("14 April", "June 2, 2026") as a quantity: two days of one event cannot both hold. */
function dayOf(n: ClaimNumber): Quantity | null {
  const month = /([A-Z][a-z]+)/.exec(n.raw)?.[1]?.slice(0, 3).toLowerCase();
  const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(n.raw)?.[1];
  const m = month ? MONTH_NUMBER.indexOf(month) : -1;
  if (m < 0 || !day) return null;
  const year = /\b(\d{4})\b/.exec(n.raw)?.[1];
  const value = (year ? Number(year) * 400 : 0) + m * 32 + Number(day);
  return { dim: year ? 'date' : 'day', lo: value, hi: value, value, text: n.raw.trim(), start: n.start, end: n.end };
}

/** A stated number as a comparable quantity, or null for years (a time, not a measure). */
export function toQuantity(n: ClaimNumber, quote: string, quoteStart: number): Quantity | null {
  if (n.kind === 'date') return dayOf(n);
  if (n.kind === 'year') return null;
  const at = { start: n.start, end: n.end };
  if (n.kind === 'duration' && n.unit && n.unit in DAYS) {
    const f = DAYS[n.unit]!;
    const [lo, hi] = bounds(n.value, n, f);
    const raw = n.raw.replace(/-$/, '');
    return { dim: 'duration', lo, hi, value: n.value * f, text: /\d|[a-z]/i.test(raw) ? `${raw} ${plural(n.unit, n.value)}` : raw, ...at };
  }
  if (n.kind === 'money') {
    const [lo, hi] = bounds(n.value, n, 1);
    return { dim: `money:${n.unit ?? ''}`, lo, hi, value: n.value, text: n.raw, ...at };
  }
  if (n.kind === 'percent') {
    const pp = n.unit === 'pp';
    const [lo, hi] = bounds(n.value, n, 1 / 100);
    return { dim: pp ? 'pp' : 'share', lo, hi, value: n.value / 100, text: n.raw, ...at };
  }
  if (n.kind === 'score') return { dim: 'score', lo: n.value, hi: n.value2 ?? n.value, value: n.value * 1000 + (n.value2 ?? 0), text: n.raw, ...at };
  if (n.kind === 'ordinal') return { dim: 'ordinal', lo: n.value, hi: n.value, value: n.value, text: n.raw, ...at };
  // A cardinal: a count, or a length or area when a unit follows ("5 kilometres", "200 acres").
  const after = quote.slice(n.end - quoteStart, n.end - quoteStart + 24).toLowerCase();
  const unit = /^[\s-]*(square (?:miles?|kilomet(?:re|er)s?|km)|acres?|hectares?|ha\b|km\b|kilomet(?:re|er)s?|miles?|mi\b|metres?|meters?|feet|foot|ft\b)/.exec(after)?.[1];
  if (unit) {
    const key = unit.replace(/s$/, '').replace(/kilomet(?:re|er)$/, 'km').replace(/^square kilomet(?:re|er)$/, 'square km');
    const factor = AREA[key] ?? LENGTH[key];
    const dim = key in AREA ? 'area' : 'length';
    if (factor) {
      const [lo, hi] = bounds(n.value, n, factor);
      return { dim, lo, hi, value: n.value * factor, text: `${n.raw} ${unit}`, start: n.start, end: n.end + unit.length + 1 };
    }
  }
  const [lo, hi] = bounds(n.value, n, 1);
  return { dim: 'count', lo, hi, value: n.value, text: n.raw, ...at };
}

/**
 * Shares the numbers module does not read: "a third", "two-thirds", "half of", "one in four".
 * Offsets are absolute (quoteStart added).
 */
export function fractionQuantities(quote: string, quoteStart: number): Quantity[] {
  const out: Quantity[] = [];
  const re = /\b(?:(a|one|two|three|four)[\s-]+(half|thirds?|quarters?|fifths?|tenth)|(half)\s+(?:of|the)\b|(one|1)\s+in\s+(\d+|two|three|four|five|six|seven|eight|nine|ten))\b/gi;
  for (const m of quote.matchAll(re)) {
    let value: number;
    if (m[2]) value = (SMALL[m[1]!.toLowerCase()] ?? 1) * FRACTIONS[m[2].toLowerCase()]!;
    else if (m[3]) value = 0.5;
    else {
      const d = m[5]!.toLowerCase();
      value = 1 / (Number(d) || SMALL[d] || NaN);
    }
    if (!Number.isFinite(value)) continue;
    const approx = /(?:about|around|roughly|nearly|almost)\s+$/i.test(quote.slice(Math.max(0, m.index - 10), m.index));
    const text = m[3] ? 'half' : m[0];
    out.push({ dim: 'share', lo: value * (approx ? 0.85 : 1 - TOLERANCE), hi: value * (approx ? 1.15 : 1 + TOLERANCE), value, text, start: quoteStart + m.index, end: quoteStart + m.index + text.length });
  }
  return out;
}

/** Whether both can hold: overlapping bounds (ranges, "more than", "about", rounding). */
export function consistent(a: Quantity, b: Quantity): boolean {
  if (a.dim !== b.dim) return true;
  if (a.dim === 'score' || a.dim === 'ordinal' || a.dim === 'day' || a.dim === 'date') return a.value === b.value;
  return a.lo <= b.hi && b.lo <= a.hi;
}
