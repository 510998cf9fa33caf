import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTemporaryPasswordExpired, temporaryPasswordExpiry, temporaryPasswordHours } from './temporary-password';

test('24 hours unless FACTDESK_TEMPORARY_PASSWORD_HOURS says otherwise', () => {
  assert.equal(temporaryPasswordHours(undefined), 24);
  assert.equal(temporaryPasswordHours(''), 24);
  assert.equal(temporaryPasswordHours('72'), 72);
  assert.equal(temporaryPasswordHours('0.5'), 0.5);
  const now = new Date('2026-11-26T10:00:00Z');
  assert.equal(temporaryPasswordExpiry(now, 24).toISOString(), '2026-11-27T10:00:00.000Z');
});

test('a typo in the setting is refused with a message naming it, never read as "no expiry"', () => {
  for (const bad of ['0', '-1', 'a day', 'Infinity', '100000']) {
    assert.throws(() => temporaryPasswordHours(bad), /FACTDESK_TEMPORARY_PASSWORD_HOURS must be a number of hours/);
  }
});

test('expired from the deadline on; a reset from before expiry existed never expires', () => {
  const deadline = new Date('2026-11-27T10:00:00Z');
  assert.equal(isTemporaryPasswordExpired(deadline, new Date('2026-11-27T09:59:59Z')), false);
  assert.equal(isTemporaryPasswordExpired(deadline, deadline), true);
  assert.equal(isTemporaryPasswordExpired(null, new Date('2099-01-01T00:00:00Z')), false);
});
