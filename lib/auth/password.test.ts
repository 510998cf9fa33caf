import assert from 'node:assert/strict';
import { test } from 'node:test';
import bcrypt from 'bcryptjs';
import { passwordProblem } from './password-policy';
import { hashPassword, isLegacyHash, verifyPassword } from './password';

test('new hashes are Argon2id; old bcrypt hashes still verify', async () => {
  const h = await hashPassword('correct horse battery staple');
  assert.match(h, /^\$argon2id\$/);
  assert.equal(await verifyPassword('correct horse battery staple', h), true);
  assert.equal(await verifyPassword('correct horse battery stapler', h), false);
  const legacy = await bcrypt.hash('correct horse battery staple', 4);
  assert.ok(isLegacyHash(legacy));
  assert.equal(await verifyPassword('correct horse battery staple', legacy), true);
  assert.equal(await verifyPassword('wrong', legacy), false);
});

test('bytes past 72 count now (bcrypt ignored them)', async () => {
  const base = 'x'.repeat(72);
  const h = await hashPassword(`${base}-one`);
  assert.equal(await verifyPassword(`${base}-two`, h), false);
});

test('short and common passwords are refused with a reason; a long phrase is fine', async () => {
  assert.equal(await passwordProblem('aaaaaaaaaa'), 'Use at least 12 characters.');
  for (const weak of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop12', 'P@ssw0rd2024']) {
    assert.match((await passwordProblem(weak)) ?? 'accepted', /too easy to guess/, weak);
  }
  // The account's own words count as guessable: fine for a stranger's account, refused for this one.
  assert.equal(await passwordProblem('zorblaxquent1'), null);
  assert.match((await passwordProblem('zorblaxquent1', ['zorblaxquent@newsroom.example'])) ?? 'accepted', /personal/);
  assert.equal(await passwordProblem('correct horse battery staple'), null);
  assert.equal(await passwordProblem('lantern orbit velvet quarry'), null);
});
