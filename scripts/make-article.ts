// Builds news-like articles of a given length from the labelled fixtures, for benchmarks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A news-like article of about `words` words built from the fixtures, varied so claims differ. */
export function makeArticle(words: number): string {
  const dir = 'lib/claims/fixtures';
  const paragraphs = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length > 8);
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraphs[i % paragraphs.length]!.replace(/\d+/g, (d) => String(Number(d) + Math.floor(i / paragraphs.length)));
    out.push(p);
    count += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

/** `bytes` of one check-worthy sentence repeated (issue 8's worst case: every claim alike). */
export function repeatSentence(bytes: number, sentence = 'Unemployment fell to 4.2 percent in May. '): string {
  return sentence.repeat(Math.floor(bytes / Buffer.byteLength(sentence, 'utf8'))).trimEnd();
}
