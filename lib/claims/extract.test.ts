import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { extractClaims } from './extract';

const seed = readFileSync(new URL('./fixtures/seed-article.txt', import.meta.url), 'utf8');

test('every claim quote is the exact slice of the text', () => {
  const { claims } = extractClaims(seed, { all: true });
  assert.ok(claims.length > 10);
  for (const c of claims) assert.equal(c.quote, seed.slice(c.start, c.end));
});

test('the seed article: statistics found, the question and the byline left out', () => {
  const { claims } = extractClaims(seed);
  const quotes = claims.map((c) => c.quote);
  assert.ok(quotes.some((q) => q.includes('killed 87 people')), 'finds "killed 87 people"');
  assert.ok(quotes.some((q) => q.includes('more than 320,000 people have died')), 'finds the death toll');
  assert.ok(!quotes.some((q) => q.includes('Are we going to get involved')), 'skips the question');
  assert.ok(!quotes.some((q) => q.includes('Carolyn Briggs')), 'skips the byline');
});

test('the seed article: pronoun subject flagged ambiguous, truncated sentence flagged incomplete', () => {
  const { claims } = extractClaims(seed, { all: true });
  const rejected = claims.find((c) => c.quote.startsWith('He also rejected'));
  assert.ok(rejected?.flags.includes('ambiguous'));
  const truncated = claims.find((c) => c.quote.startsWith('He also said Putin had agreed'));
  assert.ok(truncated?.flags.includes('incomplete'));
});

test('the seed article: the two "eighth veto" sentences are duplicates and nothing contradicts', () => {
  const { claims, relations } = extractClaims(seed);
  const dup = relations.find((r) => r.type === 'duplicates');
  assert.ok(dup, 'a duplicates relation');
  const [a, b] = [claims.find((c) => c.id === dup.a)!, claims.find((c) => c.id === dup.b)!];
  assert.match(a.quote, /eighth veto/);
  assert.match(b.quote, /veto was the eighth/);
  assert.equal(relations.filter((r) => r.type === 'contradicts').length, 0);
});

test('a sentence with two facts becomes two claims with their own spans', () => {
  const text = 'The plan cuts bus fares by 10 percent and adds 40 electric buses by 2027.';
  const { claims } = extractClaims(text);
  assert.equal(claims.length, 2);
  assert.equal(claims[0]!.quote, 'The plan cuts bus fares by 10 percent');
  assert.equal(claims[1]!.quote, 'adds 40 electric buses by 2027.');
  assert.equal(claims[1]!.text, 'The plan adds 40 electric buses by 2027.');
});

test('attributed statements are quotes with the speaker among the entities', () => {
  const { claims } = extractClaims('Mayor Jane Ortiz said the bridge cost $40 million to repair.');
  assert.equal(claims[0]?.type, 'quote');
  assert.ok(claims[0]?.entities.some((e) => e.role === 'speaker' && /Ortiz/.test(e.text)));
});

test('opinions, advice and questions are not claims', () => {
  const text = 'I think the mayor is doing a wonderful job. You should vote early. Will the bridge ever reopen?';
  assert.equal(extractClaims(text).claims.length, 0);
  assert.equal(extractClaims(text, { all: true }).claims.every((c) => !c.checkworthy), true);
});

test('empty and whitespace-only text yields no claims', () => {
  assert.deepEqual(extractClaims('').claims, []);
  assert.deepEqual(extractClaims(' \n\t ').claims, []);
});
