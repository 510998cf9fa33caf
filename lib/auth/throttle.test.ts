import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setupRule, signInRules, throttledMessage } from './throttle';

test('sign-in counters are per account and address, so another address has its own', () => {
  const owner = signInRules('Ed@Example.com ', '10.0.0.1');
  const attacker = signInRules('ed@example.com', '10.0.0.2');
  assert.equal(owner.accountAtAddress.key, signInRules('ed@example.com', '10.0.0.1').accountAtAddress.key, 'email normalised');
  assert.notEqual(owner.accountAtAddress.key, attacker.accountAtAddress.key);
  assert.notEqual(owner.address.key, attacker.address.key);
  assert.equal(owner.accountAtAddress.limit, 5);
  assert.equal(owner.address.limit, 20);
  assert.notEqual(setupRule('10.0.0.1').key, owner.address.key);
});

test('keys hold no email or address in the clear', () => {
  const { accountAtAddress, address } = signInRules('ed@example.com', '10.0.0.1');
  for (const k of [accountAtAddress.key, address.key]) assert.ok(!k.includes('ed@') && !k.includes('10.0.0.1'));
});

test('the message says how long to wait', () => {
  const now = 1_000_000;
  assert.match(throttledMessage('sign-in', new Date(now + 14 * 60_000 + 1), now), /Wait 15 minutes and try again, or ask an admin/);
  assert.match(throttledMessage('set-up', new Date(now + 1000), now), /Wait 1 minute and try again/);
});
