import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearFailures, isThrottled, recordFailure } from './throttle';

test('five failures lock the account for 15 minutes, then it opens again', () => {
  const t0 = 1_000_000;
  for (let i = 0; i < 4; i++) recordFailure('Ed@Example.com', '10.0.0.1', t0 + i);
  assert.equal(isThrottled('ed@example.com', '10.0.0.2', t0 + 10), false);
  recordFailure('ed@example.com', '10.0.0.1', t0 + 5);
  assert.equal(isThrottled('ed@example.com', '10.0.0.9', t0 + 10), true, 'locked whatever the address');
  assert.equal(isThrottled('ed@example.com', '10.0.0.9', t0 + 15 * 60 * 1000 + 10), false);
  clearFailures('ed@example.com');
});

test('one address failing against many accounts is throttled too', () => {
  const t0 = 5_000_000;
  for (let i = 0; i < 20; i++) recordFailure(`user${i}@example.com`, '10.9.9.9', t0);
  assert.equal(isThrottled('someone-new@example.com', '10.9.9.9', t0 + 1), true);
  assert.equal(isThrottled('someone-new@example.com', '10.9.9.8', t0 + 1), false);
});
