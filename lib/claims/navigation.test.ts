import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { stepSelection } from './navigation';

const c = (n: number) => ({ id: `c${n}`, ordinal: n });

test('j and k move one claim and stop at the ends', () => {
  const list = [c(1), c(2), c(3)];
  assert.equal(stepSelection(list, c(1), 1), 'c2');
  assert.equal(stepSelection(list, c(3), 1), 'c3');
  assert.equal(stepSelection(list, c(1), -1), 'c1');
  assert.equal(stepSelection(list, null, 1), 'c1');
  assert.equal(stepSelection([], c(1), 1), null);
});

test('from a claim the filter hides, j and k go to the nearest visible one in that direction', () => {
  const list = [c(2), c(5), c(9)];
  assert.equal(stepSelection(list, c(6), 1), 'c9');
  assert.equal(stepSelection(list, c(6), -1), 'c5');
  assert.equal(stepSelection(list, c(10), 1), 'c9');
  assert.equal(stepSelection(list, c(1), -1), 'c2');
});

test('a step always lands on a visible claim', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom(1 as const, -1 as const), (ords, sel, step) => {
    const list = [...ords].sort((a, b) => a - b).map(c);
    const got = stepSelection(list, c(sel), step);
    return list.some((x) => x.id === got);
  }));
});
