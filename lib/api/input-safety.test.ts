import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findUnsafeJson, MAX_INT4, storableText, unsafeTextProblem, versionField } from './input-safety';

// The reference: a string survives a UTF-8 round trip exactly when it has no unpaired surrogate, and
// PostgreSQL's text type additionally refuses U+0000.
const storable = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s && !s.includes('\u0000');

test('a string is refused exactly when it has a NUL or an unpaired surrogate', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
      assert.equal(unsafeTextProblem(s) === null, storable(s));
    }),
    { numRuns: 2000 },
  );
});

test('the message says what is wrong and where, counting characters as an editor does', () => {
  assert.match(unsafeTextProblem('ab\u0000c')!, /NUL character \(U\+0000\) at character 3,/);
  assert.match(unsafeTextProblem('😀x\uD800')!, /unpaired UTF-16 surrogate\) at character 3,/);
  assert.match(unsafeTextProblem('\uDC00')!, /at character 1,/);
  assert.equal(unsafeTextProblem('😀 Ünïcödé is fine'), null);
});

test('findUnsafeJson finds the first bad string or key, with its path; clean JSON passes', () => {
  assert.deepEqual(findUnsafeJson({ a: 'ok', b: ['x', { c: 'y\u0000' }], d: 'z\u0000' })?.path, 'b.1.c');
  assert.equal(findUnsafeJson({ ['k\uD800']: 1 })?.path, '_');
  assert.match(findUnsafeJson({ ['k\uD800']: 1 })!.message, /^A field name contains a broken character/);
  assert.equal(findUnsafeJson('\u0000')?.path, '_');
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      const text = JSON.stringify(v);
      assert.equal(findUnsafeJson(v) === null, storable(text ?? ''));
    }),
  );
});

test('a body nested a million levels deep is walked without overflowing the stack', () => {
  const deep = JSON.parse(`${'['.repeat(1_000_000)}"\\u0000"${']'.repeat(1_000_000)}`) as unknown;
  assert.match(findUnsafeJson(deep)?.message ?? '', /NUL/);
});

test('text fields refuse what cannot be stored; versions fit a 4-byte integer', () => {
  const field = storableText().trim().min(1);
  assert.equal(field.safeParse('  ok ').data, 'ok');
  assert.match(field.safeParse('a\u0000').error?.issues[0]?.message ?? '', /NUL/);
  assert.equal(versionField.safeParse(MAX_INT4).success, true);
  for (const v of [MAX_INT4 + 1, 2 ** 53, 1e308, 0, -1, 1.5, '3']) assert.equal(versionField.safeParse(v).success, false, String(v));
});
