// The word diff the draft comparison shows: whole words, exact offsets, both texts recoverable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { diffWords } from './diff';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');

function check(oldText: string, newText: string): void {
  const parts = diffWords(oldText, newText);
  assert.equal(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join(''), oldText, 'equal + delete = old text');
  assert.equal(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join(''), newText, 'equal + insert = new text');
  for (const p of parts) {
    assert.ok(p.text.length > 0, 'no empty parts');
    if (p.op !== 'insert') assert.equal(oldText.slice(p.oldStart!, p.oldStart! + p.text.length), p.text);
    if (p.op !== 'delete') assert.equal(newText.slice(p.newStart!, p.newStart! + p.text.length), p.text);
  }
}

test('a changed figure shows as one deleted and one inserted word, the rest equal with offsets in both drafts', () => {
  const draft = seed.replace('killed 87 people', 'killed 78 people');
  const parts = diffWords(seed, draft);
  const at = seed.indexOf('87 people');
  assert.deepEqual(
    parts.filter((p) => p.op !== 'equal'),
    [
      { op: 'delete', text: '87', oldStart: at },
      { op: 'insert', text: '78', newStart: at },
    ],
  );
  check(seed, draft);
});

test('edits are whole words and numbers: "87" -> "87,000" is not "87" plus ",000"', () => {
  const parts = diffWords('They counted 87 people.', 'They counted 87,000 people.');
  assert.deepEqual(parts.filter((p) => p.op !== 'equal').map((p) => [p.op, p.text]), [
    ['delete', '87'],
    ['insert', '87,000'],
  ]);
});

test('a moved paragraph is one deletion and one insertion, not scattered letters', () => {
  const paragraphs = seed.split('\n\n');
  const moved = [...paragraphs.slice(0, 3), ...paragraphs.slice(4), paragraphs[3]!].join('\n\n');
  const changes = diffWords(seed, moved).filter((p) => p.op !== 'equal');
  assert.ok(changes.length <= 2, `${changes.length} changes`);
  assert.ok(changes.some((p) => p.op === 'delete' && p.text.includes(paragraphs[3]!)));
  assert.ok(changes.some((p) => p.op === 'insert' && p.text.includes(paragraphs[3]!)));
  check(seed, moved);
});

test('empty drafts, identical drafts, and any text at all (emoji, CRLF, lone surrogates) diff to both texts exactly', () => {
  assert.deepEqual(diffWords('', ''), []);
  assert.deepEqual(diffWords('', 'New text.'), [{ op: 'insert', text: 'New text.', newStart: 0 }]);
  assert.deepEqual(diffWords('Old text.', ''), [{ op: 'delete', text: 'Old text.', oldStart: 0 }]);
  assert.deepEqual(diffWords(seed, seed), [{ op: 'equal', text: seed, oldStart: 0, newStart: 0 }]);
  check('a\r\nb 😀 \ud800 c', 'a\nb 😀😀 \udfff c');
  fc.assert(
    fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.string({ maxLength: 200, unit: 'binary' }), check),
    { numRuns: 300, seed: 11 },
  );
  const words = fc.array(fc.constantFrom('the', 'veto', '87', '5-4', ' ', '\n\n', '.', 'U.S.'), { maxLength: 60 }).map((w) => w.join(' '));
  fc.assert(fc.property(words, words, check), { numRuns: 300, seed: 12 });
});
