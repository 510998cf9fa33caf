import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractNumbers } from './numbers';

const first = (s: string) => extractNumbers(s)[0];

test('normalises the number forms named in the issue', () => {
  assert.equal(first('more than 320,000 people have died')?.value, 320000);
  assert.equal(first('more than 320,000 people have died')?.qualifier, 'gt');
  assert.deepEqual([first('the eighth veto')?.kind, first('the eighth veto')?.value], ['ordinal', 8]);
  const money = first('a $2.3 billion budget');
  assert.deepEqual([money?.kind, money?.value, money?.unit], ['money', 2_300_000_000, 'USD']);
  const pct = first('unemployment of 12.5 percent');
  assert.deepEqual([pct?.kind, pct?.value, pct?.unit], ['percent', 12.5, '%']);
  const vote = first('the court ruled 5-4 on Monday');
  assert.deepEqual([vote?.kind, vote?.value, vote?.value2], ['score', 5, 4]);
  assert.equal(first('killed 87 people')?.value, 87);
});

test('durations and years are told apart from counts', () => {
  assert.equal(first('in six years of war')?.kind, 'duration');
  assert.equal(first('shut for 30 days')?.kind, 'duration');
  assert.equal(first('in 2016 the law passed')?.kind, 'year');
});

test('ranges without vote words are not scores', () => {
  assert.equal(first('people aged 18-24')?.kind, 'cardinal');
});
