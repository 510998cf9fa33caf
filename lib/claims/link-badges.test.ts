import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkBadges } from './link-badges';

const claims = [{ id: 'a', ordinal: 1 }, { id: 'b', ordinal: 2 }, { id: 'c', ordinal: 3 }];

test('duplicates and contradictions badge both ends; dismissed links and archived claims do not', () => {
  const badges = linkBadges(claims, [
    { type: 'duplicates', status: 'suggested', a: 'a', b: 'c' },
    { type: 'contradicts', status: 'confirmed', a: 'b', b: 'c' },
    { type: 'contradicts', status: 'dismissed', a: 'a', b: 'b' },
    { type: 'duplicates', status: 'suggested', a: 'a', b: 'archived' },
    { type: 'supports', status: 'confirmed', a: 'a', b: 'b' },
  ]);
  assert.deepEqual([...badges.duplicates], [['a', [3]], ['c', [1]]]);
  assert.deepEqual([...badges.contradicts], [['b', [3]], ['c', [2]]]);
});
