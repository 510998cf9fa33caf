// One span analysed as a claim: the reviewer's own words get the extractor's type, numbers,
// entities, flags and score, and bad spans get a message a person can act on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractClaims } from './extract';
import { splitSentences } from './sentences';
import { analyseSpan, checkSpan, findOverlap } from './span';

const seed = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');
const span = (words: string) => {
  const start = seed.indexOf(words);
  assert.ok(start >= 0, `the seed has "${words}"`);
  return { start, end: start + words.length };
};

test('the same words get the same analysis as extraction gives them', () => {
  for (const name of ['seed-article.txt', 'city-transit.txt', 'hospital-waits.txt', 'court-ruling.txt']) {
    const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
    const segments = splitSentences(text);
    const whole = extractClaims(text).claims.filter((c) => segments.some((s) => s.start === c.start && s.end === c.end));
    // Atomic splitting leaves fewer whole sentences (city-transit has 4); enough to compare.
    assert.ok(whole.length >= 3, `${name} has whole-sentence claims`);
    for (const c of whole) {
      const a = analyseSpan(text, c.start, c.end, segments);
      const label = `${name} ${c.id}`;
      assert.deepEqual([a.type, a.score, a.flags, a.antecedent], [c.type, c.score, c.flags, c.antecedent], label);
      assert.deepEqual(a.numbers, c.numbers, label);
      assert.deepEqual(a.entities, c.entities, label);
      assert.equal(a.extractorAgrees, true, label);
    }
  }
});

test('part of a sentence: its numbers at text offsets, and the whole sentence as context', () => {
  const s = span('the attack on a rebel-held Syrian town last week killed 87 people');
  const a = analyseSpan(seed, s.start, s.end);
  assert.equal(a.quote, seed.slice(s.start, s.end));
  assert.ok(a.numbers.some((n) => n.value === 87 && seed.slice(n.start, n.end) === n.raw), 'the number, at its offset in the text');
  assert.ok(a.score >= 0.75, 'a stated quantity scores high');
  assert.ok(a.sentence.text.startsWith('The White House has accused Moscow'));
  assert.equal(seed.slice(a.sentence.start, a.sentence.end), a.sentence.text);
});

test('a pronoun subject is flagged ambiguous with the person it likely means; a cut-off sentence incomplete', () => {
  const he = span('He also rejected American claims');
  const a = analyseSpan(seed, he.start, he.end);
  assert.ok(a.flags.includes('ambiguous'));
  const cut = span('He also said Putin had agreed to reactivate a U.S.');
  assert.ok(analyseSpan(seed, cut.start, cut.end).flags.includes('incomplete'));
});

test('names in the span are entities at text offsets; a quotation is typed as one', () => {
  const s = span('French President Francois Hollande said Russian Federation "bears a heavy responsibility"');
  const a = analyseSpan(seed, s.start, s.end);
  assert.equal(a.type, 'quote');
  assert.ok(a.entities.some((e) => e.text.includes('Hollande') && seed.slice(e.start, e.end) === e.text));
});

test('a span across two sentences keeps both as its sentence', () => {
  const s = { start: span('Before the sit-down').start, end: span('has dropped further').end };
  const a = analyseSpan(seed, s.start, s.end);
  assert.ok(a.sentence.text.includes('awkward.') && a.sentence.text.includes('Donald Trump.'));
});

test('checkSpan: outside the text, empty or blank spans are refused with a reason; spaces are trimmed', () => {
  const text = 'Fares rose 5 percent.  ';
  assert.deepEqual(checkSpan(text, 0, 10), { ok: true, start: 0, end: 10 });
  assert.deepEqual(checkSpan(text, 0, text.length), { ok: true, start: 0, end: 21 });
  const outside = checkSpan(text, 3, 400);
  assert.ok(!outside.ok && outside.field === 'end' && /outside the article's text, which has 23 characters/.test(outside.message));
  const empty = checkSpan(text, 5, 5);
  assert.ok(!empty.ok && /empty/.test(empty.message));
  const blank = checkSpan(text, 21, 23);
  assert.ok(!blank.ok && /only spaces/.test(blank.message));
});

test('findOverlap: sharing one character overlaps, touching does not', () => {
  const claims = [{ id: 'a', start: 10, end: 20 }];
  assert.equal(findOverlap({ start: 19, end: 25 }, claims)?.id, 'a');
  assert.equal(findOverlap({ start: 20, end: 25 }, claims), undefined);
  assert.equal(findOverlap({ start: 0, end: 10 }, claims), undefined);
});
