// Property tests: for any input extraction never throws, quotes are exact slices within bounds, and
// the output is deterministic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { extractClaims } from './extract';

function checkInvariants(text: string): void {
  const a = extractClaims(text, { all: true });
  for (const c of a.claims) {
    assert.ok(c.start >= 0 && c.end <= text.length && c.start < c.end, `span ${c.start}-${c.end} in bounds`);
    assert.equal(c.quote, text.slice(c.start, c.end));
    assert.ok(c.score >= 0 && c.score <= 1);
  }
  const ids = new Set(a.claims.map((c) => c.id));
  for (const r of a.relations) assert.ok(ids.has(r.a) && ids.has(r.b));
  assert.deepEqual(extractClaims(text, { all: true }), a, 'deterministic');
}

const newsy = fc.array(
  fc.oneof(
    fc.constantFrom('The', 'U.S.', 'Mr.', 'said', '"', '\u201c', '\u201d', '5-4', '$2.3 billion', '12.5 percent', 'eighth', 'He', 'veto', '?', '!', '.', ',', ';', '\r\n', '\n\n', '\u00a0', '•', '😀', 'שלום', 'مرحبا', '\u202e', '\ud800', '\u0000', '\u0007'),
    fc.string({ maxLength: 12 }),
  ),
  { maxLength: 80 },
).map((parts) => parts.join(' '));

test('any text: never throws, exact quotes, in bounds, deterministic', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), checkInvariants), { numRuns: 300, seed: 42 });
  fc.assert(fc.property(newsy, checkInvariants), { numRuns: 300, seed: 7 });
});

test('hostile shapes: 1 MB without punctuation, only emoji, right-to-left, lone surrogates, control characters', () => {
  checkInvariants('word '.repeat(209_715));
  checkInvariants('😀🔥🎉'.repeat(5000));
  checkInvariants('הממשלה אמרה כי 87 אנשים נהרגו. ' .repeat(50));
  checkInvariants('\ud800\udc00\ud800 lone \udfff surrogates. Then 5 people.');
  checkInvariants('\u0000\u0001\u0002 control\u0007 chars said 5 percent.\u001b[31m');
});
