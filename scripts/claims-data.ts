// The labelled data the check-worthiness model is trained and measured on, and the fixed splits
// (docs/claims-model.md, "Splits"). Decided before any tuning and never changed since:
//   debates  data/claimbuster/ct24-train.tsv  -> fit (90%) and tune (10%), stratified, seeded
//            data/claimbuster/ct24-dev.tsv    -> held out: only ever scored, never tuned on
//   news     data/subjectivity/newssd-eng-train.csv -> trains the subjectivity model
//            data/subjectivity/newssd-eng-val.csv   -> its threshold
//            data/subjectivity/newssd-eng-test.csv  -> held out: the cross-domain table only
// 2.5xNCS.json is no longer trained on: 704 of ct24-dev's 1,032 sentences are in it.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { mulberry32 } from '../lib/claims/random';

export { mulberry32 };

export type Labelled = { id: string; text: string; label: 0 | 1 };

export const SPLIT_SEED = 20261125;

/** ct24 TSV: Sentence_id, Text, class_label (Yes/No). One train line holds two records (README). */
export function loadCt24(path: string): Labelled[] {
  const rows = parse(readFileSync(path, 'utf8'), { delimiter: '\t', from_line: 2, relax_column_count: true, relax_quotes: true }) as string[][];
  const out: Labelled[] = [];
  for (const r of rows) {
    // "No29286": the newline between two records is missing; split them back apart.
    const glued = r.length === 5 ? /^(Yes|No)(\d+)$/.exec(r[2]!) : null;
    if (glued) {
      out.push({ id: r[0]!, text: r[1]!, label: glued[1] === 'Yes' ? 1 : 0 });
      out.push({ id: glued[2]!, text: r[3]!, label: r[4]!.trim() === 'Yes' ? 1 : 0 });
      continue;
    }
    if (r.length !== 3) throw new Error(`${path}: unexpected row ${JSON.stringify(r).slice(0, 120)}`);
    out.push({ id: r[0]!, text: r[1]!, label: r[2]!.trim() === 'Yes' ? 1 : 0 });
  }
  return out;
}

/** NewsSD-ENG CSV: Sentence, Label (OBJ/SUBJ). `label` 1 = subjective. */
export function loadNewsSd(path: string): Labelled[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return rows.map((r, i) => ({ id: String(i), text: r.Sentence!.trim(), label: r.Label === 'SUBJ' ? 1 : 0 }));
}

/** Stratified seeded split: `share` of each class goes to the second list. */
export function stratifiedSplit<T extends { label: number }>(rows: T[], share: number, seed = SPLIT_SEED): [T[], T[]] {
  const rand = mulberry32(seed);
  const a: number[] = [];
  const b: number[] = [];
  for (const label of [0, 1]) {
    const idx = rows.map((r, i) => (r.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    const cut = Math.round(idx.length * share);
    idx.forEach((i, n) => (n < cut ? b : a).push(i));
  }
  // Back in file order, so training sees the same sequence whatever the shuffle above did.
  const pick = (ids: number[]) => ids.sort((x, y) => x - y).map((i) => rows[i]!);
  return [pick(a), pick(b)];
}

/** Fold (0..k-1) of each row for k-fold CV, stratified by label and seeded. */
export function stratifiedFolds(rows: Array<{ label: number }>, k = 5, seed = SPLIT_SEED + 1): number[] {
  const rand = mulberry32(seed);
  const fold = new Array<number>(rows.length);
  for (const label of [0, 1]) {
    const idx = rows.map((e, i) => (e.label === label ? i : -1)).filter((i) => i >= 0);
    for (let i = idx.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [idx[i], idx[j]] = [idx[j]!, idx[i]!];
    }
    idx.forEach((i, n) => { fold[i] = n % k; });
  }
  return fold;
}

export const PATHS = {
  ct24Train: 'data/claimbuster/ct24-train.tsv',
  ct24Dev: 'data/claimbuster/ct24-dev.tsv',
  newsTrain: 'data/subjectivity/newssd-eng-train.csv',
  newsVal: 'data/subjectivity/newssd-eng-val.csv',
  newsTest: 'data/subjectivity/newssd-eng-test.csv',
};

export function debateSplits(): { fit: Labelled[]; tune: Labelled[]; dev: Labelled[] } {
  const [fit, tune] = stratifiedSplit(loadCt24(PATHS.ct24Train), 0.1);
  return { fit, tune, dev: loadCt24(PATHS.ct24Dev) };
}
