// `node --import tsx scripts/frames-tags-diff.ts`: how much the relation frames change when each
// claim's tokens come from the document's tags (what extractClaims passes since decision 034's
// addendum) instead of tagging the quote alone. Per check-worthy claim of every eval and fixture
// article and the 10,000-word bench article: tokens whose POS or lemma differ, and frames
// (measures, phrases, subject noun, content lemmas) that differ, with examples.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { extractClaims } from '../lib/claims/extract';
import { tagDocument, tokensFor, type TaggedDoc } from '../lib/claims/features';
import { claimFrames, quoteTokens } from '../lib/claims/frames';
import { splitSentences } from '../lib/claims/sentences';
import { makeArticle } from './make-article';

const TAG_CHUNK = 20_000; // as in extract.ts

function articles(): Array<[string, string]> {
  const dirs = ['lib/claims/fixtures', 'lib/claims/fixtures/relations', 'data/eval/relations/tune', 'data/eval/relations/holdout', 'data/eval/claims/tune', 'data/eval/claims/holdout'];
  const out: Array<[string, string]> = [];
  for (const dir of dirs) if (existsSync(dir)) for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) out.push([join(dir, f), readFileSync(join(dir, f), 'utf8')]);
  out.push(['bench article, 10,000 words', makeArticle(10_000)]);
  return out;
}

// The same chunks extractClaims tags: runs of whole paragraphs of about 20,000 characters.
function chunks(text: string): Array<{ offset: number; end: number; doc: TaggedDoc }> {
  const segs = splitSentences(text);
  const out: Array<{ offset: number; end: number; doc: TaggedDoc }> = [];
  for (let si = 0; si < segs.length;) {
    const from = segs[si]!.start;
    let j = si;
    while (j + 1 < segs.length && (segs[j + 1]!.start - from < TAG_CHUNK || segs[j + 1]!.paragraph === segs[j]!.paragraph)) j++;
    out.push({ offset: from, end: segs[j]!.end, doc: tagDocument(text.slice(from, segs[j]!.end)) });
    si = j + 1;
  }
  return out;
}

let claims = 0;
let tokens = 0;
let posDiff = 0;
let lemmaDiff = 0;
let countDiff = 0;
let frameDiff = 0;
const examples: string[] = [];
for (const [name, text] of articles()) {
  const cs = chunks(text);
  for (const c of extractClaims(text).claims.filter((x) => x.checkworthy)) {
    claims++;
    const ch = cs.find((k) => k.offset <= c.start && c.end <= k.end)!;
    const fromDoc = tokensFor(ch.doc, text, ch.offset, c.start, c.end);
    const alone = quoteTokens(c.quote);
    tokens += alone.length;
    if (fromDoc.length !== alone.length) countDiff++;
    else for (let i = 0; i < alone.length; i++) {
      if (alone[i]!.pos !== fromDoc[i]!.pos) { posDiff++; if (examples.length < 12) examples.push(`  POS ${name}: "${alone[i]!.text}" ${alone[i]!.pos} alone, ${fromDoc[i]!.pos} in the document: "${c.quote.slice(0, 90)}"`); }
      if (alone[i]!.lemma !== fromDoc[i]!.lemma) lemmaDiff++;
    }
    const a = claimFrames(c, text);
    const b = claimFrames(c, text, fromDoc);
    if (!isDeepStrictEqual(a, b)) {
      frameDiff++;
      examples.push(`  FRAME ${name}: "${c.quote.slice(0, 90)}"\n    alone: ${JSON.stringify(a).slice(0, 300)}\n    doc:   ${JSON.stringify(b).slice(0, 300)}`);
    }
  }
}
console.log(`${claims} check-worthy claims, ${tokens} tokens: ${posDiff} POS and ${lemmaDiff} lemma differences, ${countDiff} claims tokenised differently, ${frameDiff} claims with different frames`);
console.log(examples.join('\n'));
