// A linear model's word ("w:<token>") and word-bigram ("b:<token>_<token>") weights by token id.
// Scoring used to build both key strings for every token, for the check-worthiness and the
// subjectivity model each, and hash them into a Map of 44,000 features: four strings and four string
// lookups per token. Here each token is looked up once in a shared vocabulary, and its weights are
// read from typed arrays (words) and an open-addressing table of id pairs (bigrams). The weights are
// added in the order featureParts emits them, so the sum is bit-for-bit the string-keyed one
// (scripts/check-claims-identical.ts).

// Every token that occurs in a word or bigram feature of a loaded model; ids are never reused.
const vocab = new Map<string, number>();

function idOf(token: string): number {
  let id = vocab.get(token);
  if (id === undefined) vocab.set(token, (id = vocab.size));
  return id;
}

export type TokenWeights = {
  /** Feature position per token id, -1 when the model has no such word feature. */
  word: Int32Array;
  /** Bigram table: key halves and feature position per slot; `first` -1 marks an empty slot. */
  first: Int32Array;
  second: Int32Array;
  at: Int32Array;
  mask: number;
};

const slot = (a: number, b: number, mask: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) & mask;

/** Indexes the `w:` and `b:` entries of a model's feature list. */
export function indexTokens(features: string[]): TokenWeights {
  const words: Array<[number, number]> = [];
  const pairs: Array<[number, number, number]> = [];
  features.forEach((f, i) => {
    if (f.startsWith('w:')) words.push([idOf(f.slice(2)), i]);
    else if (f.startsWith('b:')) {
      const rest = f.slice(2);
      const sep = rest.indexOf('_');
      // Tokens never hold "_" (features.ts's TOKEN_RE): any other key could never be emitted.
      if (sep < 0 || rest.indexOf('_', sep + 1) >= 0) return;
      pairs.push([idOf(rest.slice(0, sep)), idOf(rest.slice(sep + 1)), i]);
    }
  });
  const word = new Int32Array(vocab.size).fill(-1);
  for (const [id, i] of words) word[id] = i;
  let size = 1024;
  while (size < pairs.length * 2) size *= 2;
  const mask = size - 1;
  const first = new Int32Array(size).fill(-1);
  const second = new Int32Array(size);
  const at = new Int32Array(size);
  for (const [a, b, i] of pairs) {
    let s = slot(a, b, mask);
    while (first[s] !== -1 && !(first[s] === a && second[s] === b)) s = (s + 1) & mask;
    first[s] = a;
    second[s] = b;
    at[s] = i;
  }
  return { word, first, second, at, mask };
}

let lastTokens: string[] | null = null;
let lastIds = new Int32Array(0);
let lastVocabSize = 0;

/** Vocabulary ids of `toks` (-1: in no model); the same array twice in a row is looked up once. */
export function tokenIds(toks: string[]): Int32Array {
  // A model loaded in between (the subjectivity model loads on first use) may know more tokens.
  if (toks === lastTokens && vocab.size === lastVocabSize) return lastIds;
  lastVocabSize = vocab.size;
  const ids = new Int32Array(toks.length);
  for (let i = 0; i < toks.length; i++) ids[i] = vocab.get(toks[i]!) ?? -1;
  lastTokens = toks;
  lastIds = ids;
  return ids;
}

function pairAt(t: TokenWeights, a: number, b: number): number {
  if (a < 0 || b < 0) return -1;
  for (let s = slot(a, b, t.mask); t.first[s] !== -1; s = (s + 1) & t.mask) if (t.first[s] === a && t.second[s] === b) return t.at[s]!;
  return -1;
}

/**
 * `z` plus the weights of the sentence's word features, then of its bigrams over the sentence
 * padded with <s> and </s>, each with value 1, in featureParts's order.
 */
export function addWordsAndBigrams(t: TokenWeights, weights: Float64Array, toks: string[], z: number): number {
  const ids = tokenIds(toks);
  const n = ids.length;
  for (let k = 0; k < n; k++) {
    const id = ids[k]!;
    const i = id >= 0 && id < t.word.length ? t.word[id]! : -1;
    if (i >= 0) z += weights[i]! * 1;
  }
  const start = vocab.get('<s>') ?? -1;
  const end = vocab.get('</s>') ?? -1;
  for (let k = -1; k < n; k++) {
    const i = pairAt(t, k < 0 ? start : ids[k]!, k + 1 < n ? ids[k + 1]! : end);
    if (i >= 0) z += weights[i]! * 1;
  }
  return z;
}
