import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { AppError, parseInput } from './errors';

const schema = z.object({ start: z.number().int().min(0, 'Start is before the text.'), version: z.number().int() });

test('parseInput returns the parsed value when the input is valid', () => {
  assert.deepEqual(parseInput(schema, { start: 3, version: 1 }), { start: 3, version: 1 });
});

test('parseInput answers 422 naming each field that needs fixing, with the first message per field', () => {
  const e = (() => {
    try {
      parseInput(schema, { start: -1 });
    } catch (x) {
      return x;
    }
  })();
  assert.ok(e instanceof AppError);
  assert.equal(e.status, 422);
  assert.equal(e.message, 'Some fields need fixing.');
  assert.equal(e.fields?.start, 'Start is before the text.');
  assert.ok(e.fields?.version, 'the missing version is named too');
  assert.throws(() => parseInput(schema, null, 'Send a span.'), (x: AppError) => x.message === 'Send a span.' && x.fields?._ !== undefined);
});
