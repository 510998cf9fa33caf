// Agreement between the two blind reviewers of double-checked claims (decision 031). Pure: lib/db
// gathers the pairs of ratings, this file does the maths, the pages show it with a sentence.
//
// Cohen's kappa over ratings as categories (nominal: "Mostly true" vs "True" is as much a disagreement
// as "False" vs "True"; the desk asked whether two people say the same thing, not how far apart they are):
//   po = share of claims where both gave the same rating
//   pe = sum over ratings k of (share of first reviewer's ratings that are k) x (same for the second)
//   kappa = (po - pe) / (1 - pe)
// The first reviewer is the claim's assignee (slot 1), the second its second reviewer (slot 2).

export type RatingPair = readonly [first: string, second: string];

export type Agreement = {
  /** Double-checked claims with both ratings in. */
  n: number;
  /** How many of them got the same rating from both reviewers. */
  agreed: number;
  /** agreed / n; null when n = 0 (no double-checked claims: a rate of nothing is not 0 %). */
  rate: number | null;
  /** Cohen's kappa; null when it is not defined (see `kappaUndefined`). */
  kappa: number | null;
  /**
   * Why kappa is null: `no_claims`, or `one_category` when both reviewers used one and the same rating
   * for every claim. Then chance agreement pe is 1 and kappa is 0/0. We report it as undefined rather
   * than 1: kappa measures agreement beyond what the ratings' spread would give by chance, and with a
   * single rating in use there is no spread to beat; calling it 1 would claim a reliability the data
   * cannot show (two reviewers who rate everything "True" would score perfectly). The agreement rate
   * (100 %) is still shown.
   */
  kappaUndefined: 'no_claims' | 'one_category' | null;
};

export function agreement(pairs: readonly RatingPair[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { n: 0, agreed: 0, rate: null, kappa: null, kappaUndefined: 'no_claims' };
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    if (a === b) agreed++;
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
  }
  const po = agreed / n;
  let pe = 0;
  for (const [k, count] of first) pe += (count / n) * ((second.get(k) ?? 0) / n);
  // pe reaches 1 only when both used the same single rating throughout (floating sums of several
  // shares can land a hair off 1, hence the tolerance).
  if (Math.abs(1 - pe) < 1e-12) return { n, agreed, rate: po, kappa: null, kappaUndefined: 'one_category' };
  return { n, agreed, rate: po, kappa: (po - pe) / (1 - pe), kappaUndefined: null };
}

/** The sentence shown beside (or instead of) the numbers: the text alternative of the agreement figure. */
export function describeAgreement(a: Agreement): string {
  if (a.n === 0) return 'No double-checked claims with both ratings in yet.';
  const pct = Math.round((a.rate ?? 0) * 100);
  const claims = a.n === 1 ? 'claim' : 'claims';
  const base = `The two reviewers agreed on ${a.agreed} of ${a.n} double-checked ${claims} (${pct} %).`;
  if (a.kappa === null) return `${base} Cohen's kappa is not defined: every rating was the same, so there is no chance agreement to compare with.`;
  return `${base} Cohen's kappa ${a.kappa.toFixed(2)} (${kappaWords(a.kappa)}).`;
}

/** Landis and Koch's usual reading of kappa, so a number comes with words. */
export function kappaWords(k: number): string {
  if (k < 0) return 'worse than chance';
  if (k === 0) return 'no better than chance';
  if (k <= 0.2) return 'slight agreement';
  if (k <= 0.4) return 'fair agreement';
  if (k <= 0.6) return 'moderate agreement';
  if (k <= 0.8) return 'substantial agreement';
  return 'almost perfect agreement';
}
