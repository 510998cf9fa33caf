// Moving a claim's edges by a word and widening a selection to whole words (the review screen's
// span editor): any move stays inside the text, never empties the span, and lands on word edges.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { dragEdge, moveEdge, snapToWords, trimSpan } from './words';

const text = 'The attack killed 87 people.  Russia vetoed it.';
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const show = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

test('each edge moves by one word, punctuation moving with its word', () => {
  const span = at('killed 87');
  assert.equal(show(moveEdge(text, span, 'end', 1)), 'killed 87 people.');
  assert.equal(show(moveEdge(text, span, 'end', -1)), 'killed');
  assert.equal(show(moveEdge(text, span, 'start', -1)), 'attack killed 87');
  assert.equal(show(moveEdge(text, span, 'start', 1)), '87');
  // Across the double space between sentences.
  assert.equal(show(moveEdge(text, at('87 people.'), 'end', 1)), '87 people.  Russia');
});

test('a move that would empty the span or leave the text is refused', () => {
  assert.equal(moveEdge(text, at('killed'), 'end', -1), null);
  assert.equal(moveEdge(text, at('killed'), 'start', 1), null);
  assert.equal(moveEdge(text, at('The'), 'start', -1), null);
  assert.equal(moveEdge(text, at('it.'), 'end', 1), null);
});

test('a selection that cuts words is widened to them; spaces at the ends are dropped', () => {
  assert.equal(show(snapToWords(text, { start: text.indexOf('lled'), end: text.indexOf('87') + 1 })), 'killed 87');
  assert.equal(show(snapToWords(text, { start: text.indexOf('people.') + 7, end: text.indexOf('Russia') + 2 })), 'Russia');
  assert.equal(show(snapToWords(text, at('87 people'))), '87 people', 'a full stop left out stays out');
  assert.equal(show(snapToWords(text, { start: text.indexOf('eople'), end: text.indexOf('people.') + 7 })), 'people.');
  assert.deepEqual(trimSpan(text, { start: text.indexOf('  '), end: text.indexOf('  ') + 2 }), { start: text.indexOf('  ') + 2, end: text.indexOf('  ') + 2 });
});

test('any text and span: moves stay in bounds, non-empty, land on a word edge, never on a space', () => {
  const word = fc.constantFrom('a', 'killed', '87', 'people.', '“said”', '😀', 'x-y');
  const gap = fc.constantFrom(' ', '  ', '\n', '\n\n', '\t');
  const article = fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 30 }).map((ps) => ps.map(([w, g]) => w + g).join(''));
  fc.assert(fc.property(article, fc.nat(), fc.nat(), fc.constantFrom('start', 'end'), fc.constantFrom(-1, 1), (t, x, y, edge, dir) => {
    const a = Math.min(x, y) % (t.length + 1);
    const b = Math.max(x, y) % (t.length + 1);
    const span = snapToWords(t, { start: Math.min(a, b), end: Math.max(a, b) });
    if (span.start === span.end) return;
    const moved = moveEdge(t, span, edge as 'start' | 'end', dir as -1 | 1);
    if (!moved) return;
    assert.ok(moved.start >= 0 && moved.end <= t.length && moved.start < moved.end);
    if (edge === 'start') assert.ok(moved.start === 0 || /\s/.test(t[moved.start - 1]!), 'the moved start is at a word');
    else assert.ok(moved.end === t.length || /\s/.test(t[moved.end]!), 'the moved end is at a word');
    assert.ok(!/\s/.test(t[moved.start]!) && !/\s/.test(t[moved.end - 1]!), 'no spaces at the ends');
  }), { numRuns: 500, seed: 9 });
});

describe('dragEdge (drag handles in the article text)', () => {
  const text = 'Officials said 87 people died. The bridge closed on Monday.';
  const claim = { start: 0, end: 30 }; // "Officials said 87 people died."
  const all = { start: 0, end: text.length };

  test('the end lands on the end of the word the pointer is in, or before the gap it is in', () => {
    assert.deepEqual(dragEdge(text, claim, 'end', text.indexOf('people') + 2, all), { start: 0, end: text.indexOf('people') + 6 });
    assert.deepEqual(dragEdge(text, claim, 'end', text.indexOf(' 87'), all), { start: 0, end: text.indexOf(' 87') });
    assert.deepEqual(dragEdge(text, claim, 'end', text.indexOf('bridge') + 1, all), { start: 0, end: text.indexOf('bridge') + 6 });
  });

  test('the start lands on the start of the word the pointer is in', () => {
    assert.deepEqual(dragEdge(text, claim, 'start', text.indexOf('said') + 3, all), { start: text.indexOf('said'), end: 30 });
    assert.deepEqual(dragEdge(text, claim, 'start', text.indexOf(' 87'), all), { start: text.indexOf('87'), end: 30 });
  });

  test('a drag never crosses a neighbouring claim nor empties the span', () => {
    const next = { start: 31, end: text.length };
    assert.deepEqual(dragEdge(text, claim, 'end', text.length - 2, { start: 0, end: next.start }), { start: 0, end: 30 });
    assert.equal(dragEdge(text, claim, 'end', 0, all), null);
    assert.equal(dragEdge(text, claim, 'start', 30, all), null);
    const second = { start: 31, end: text.length };
    assert.deepEqual(dragEdge(text, second, 'start', 3, { start: 30, end: text.length }), { start: 31, end: text.length });
  });
});
