// Account hardening (issue 8, findings 3, 4, 7 (duplicate email), 9, 10) on a real database. Set-up
// needs an empty install, so this file makes its own database next to the runner's (same engine),
// migrates it, and drops it at the end.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import pg from 'pg';
import { AppError } from '../api/errors';
import type { Actor } from '../auth/permissions';
import { PASSWORD_CHANGE_REQUIRED, temporaryPasswordExpiredMessage } from '../auth/messages';
import { attemptSignIn, changeTemporaryPassword } from '../auth/sign-in';
import { signInRules } from '../auth/throttle';
import { createDb, db, isPostgresUrl } from './client';
import { createFirstAdmin, createUser, deactivateUser, endSessions, findSessionActor, listUsers, operator, reactivateUser, resetPassword, changeRole, setUpInstall, verifySignIn } from './users';
import { statusOf } from './testing';

const base = process.env.DATABASE_URL ?? '';
const isPostgres = isPostgresUrl(base);
const dbName = `fd_accounts_${process.pid}`;
const TOKEN = 'test-setup-token-0123456789abcdef';
const PASSWORD = 'lantern orbit velvet quarry';

function urlFor(name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});

before(async () => {
  let url: string;
  if (isPostgres) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    url = urlFor(dbName);
  } else {
    url = `file:${join(mkdtempSync(join(tmpdir(), 'factdesk-accounts-')), 'accounts.db')}`;
  }
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] });
  // Nothing in this process has touched the database yet, so db() now opens the fresh one.
  process.env.DATABASE_URL = url;
  process.env.FACTDESK_SETUP_TOKEN = TOKEN;
});

after(async () => {
  await db().$disconnect();
  if (isPostgres) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});

describe('first-run set-up (finding 3)', () => {
  test('without the one-time token, or with a wrong one, set-up is refused and writes no account', async () => {
    const body = { email: 'intruder@example.com', password: PASSWORD };
    assert.equal(await statusOf(setUpInstall(body, '198.51.100.10')), 403);
    assert.equal(await statusOf(setUpInstall({ ...body, token: 'guess' }, '198.51.100.10')), 403);
    assert.equal(await statusOf(setUpInstall({ ...body, token: `${TOKEN}x` }, '198.51.100.10')), 403);
    assert.equal(await db().user.count(), 0);
  });

  test('one address gets 10 attempts per window, then 429 even with the right token; others are unaffected', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await statusOf(setUpInstall({ token: 'wrong', email: 'x@example.com', password: PASSWORD }, '203.0.113.66')));
    assert.deepEqual(tally(statuses), { 403: 10 });
    const e = await setUpInstall({ token: TOKEN, email: 'x@example.com', password: PASSWORD }, '203.0.113.66').catch((x: AppError) => x);
    assert.ok(e instanceof AppError && e.status === 429, String(e));
    assert.match(e.message, /Too many set-up attempts from this address\. Wait \d+ minutes? and try again/);
    assert.equal(await db().user.count(), 0);
  });

  test('a weak password is refused (422) with a reason, before anything is written', async () => {
    const e = await setUpInstall({ token: TOKEN, email: 'admin@example.com', password: 'password1234' }, '198.51.100.11').catch((x: AppError) => x);
    assert.ok(e instanceof AppError && e.status === 422);
    assert.match(e.fields?.password ?? '', /too easy to guess/);
    assert.equal(await statusOf(setUpInstall({ token: TOKEN, email: 'admin@example.com', password: 'aaaaaaaaaa' }, '198.51.100.11')), 422);
    assert.equal(await db().user.count(), 0);
  });

  test('20 racing set-up requests on an empty install create exactly one admin', async () => {
    const racers = Array.from({ length: 20 }, (_, i) =>
      statusOf(setUpInstall({ token: TOKEN, email: `admin${i}@example.com`, password: PASSWORD }, `192.0.2.${i + 1}`)),
    );
    assert.deepEqual(tally(await Promise.all(racers)), { 200: 1, 409: 19 });
    assert.equal(await db().user.count(), 1);
    assert.equal(await db().user.count({ where: { role: 'admin', installOwner: true } }), 1);
    assert.equal(await db().event.count({ where: { type: 'account.created' } }), 1);
  });

  test('once set up, set-up answers 409 without a token and writes nothing (not even a counter)', async () => {
    const counters = await db().throttleCounter.count();
    assert.equal(await statusOf(setUpInstall({}, '198.51.100.99')), 409);
    assert.equal(await statusOf(createFirstAdmin({ email: 'late@example.com', password: PASSWORD })), 409);
    assert.equal(await db().throttleCounter.count(), counters);
    assert.equal(await db().user.count(), 1);
  });
});

let admin: Actor;

describe('accounts', () => {
  before(async () => {
    const a = await db().user.findFirstOrThrow({ where: { installOwner: true } });
    admin = { id: a.id, email: a.email, name: a.name, role: 'admin' };
  });

  test('20 racing creations of one email: one 201 and 19 × 409, never a 500 (finding 7)', async () => {
    const racers = Array.from({ length: 20 }, () => statusOf(createUser(admin, { email: 'Twin@Example.com', password: PASSWORD, role: 'reviewer' })));
    assert.deepEqual(tally(await Promise.all(racers)), { 200: 1, 409: 19 });
    assert.equal(await db().user.count({ where: { email: 'twin@example.com' } }), 1);
  });

  test('passwords: 12 characters at least, common ones refused, Argon2id stored (finding 10)', async () => {
    for (const [password, expected] of [['aaaaaaaaaa', /at least 12/], ['aaaaaaaaaaaa', /too easy/], ['iloveyou2024!', /too easy/]] as const) {
      const e = await createUser(admin, { email: 'weak@example.com', password, role: 'editor' }).catch((x: AppError) => x);
      assert.ok(e instanceof AppError && e.status === 422, password);
      assert.match(e.fields?.password ?? '', expected);
    }
    await createUser(admin, { email: 'strong@example.com', password: PASSWORD, role: 'editor' });
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { email: 'strong@example.com' } });
    assert.match(passwordHash, /^\$argon2id\$/);
  });

  test('an old bcrypt hash still signs in and is replaced by Argon2id', async () => {
    await createUser(admin, { email: 'legacy@example.com', password: PASSWORD, role: 'reviewer' });
    await db().user.update({ where: { email: 'legacy@example.com' }, data: { passwordHash: await bcrypt.hash(PASSWORD, 4) } });
    assert.equal(await verifySignIn('legacy@example.com', 'wrong password here'), null);
    assert.ok(await verifySignIn('legacy@example.com', PASSWORD));
    const { passwordHash } = await db().user.findUniqueOrThrow({ where: { email: 'legacy@example.com' } });
    assert.match(passwordHash, /^\$argon2id\$/);
    assert.ok(await verifySignIn('legacy@example.com', PASSWORD));
  });
});

describe('sign-in throttling (finding 4)', () => {
  test('5 failures lock that account only at that address; the owner elsewhere still signs in', async () => {
    await createUser(admin, { email: 'owner@example.com', password: PASSWORD, role: 'editor' });
    for (let i = 0; i < 5; i++) assert.equal(await attemptSignIn('owner@example.com', `wrong guess ${i}`, '203.0.113.7'), null);
    const locked = await attemptSignIn('owner@example.com', PASSWORD, '203.0.113.7').catch((x: AppError) => x);
    assert.ok(locked instanceof AppError && locked.status === 429);
    assert.match(locked.message, /Too many failed sign-in attempts\. Wait 15 minutes/);
    const owner = await attemptSignIn('owner@example.com', PASSWORD, '198.51.100.20');
    assert.equal(owner?.actor.email, 'owner@example.com');
  });

  test('the counters are rows in the database, so a second server process sees the same lock', async () => {
    const other = createDb(process.env.DATABASE_URL);
    try {
      const key = signInRules('owner@example.com', '203.0.113.7').accountAtAddress.key;
      const row = await other.throttleCounter.findUniqueOrThrow({ where: { key } });
      assert.ok(row.count >= 6);
    } finally {
      await other.$disconnect();
    }
  });

  test('one address failing against 20 accounts is throttled for every account', async () => {
    for (let i = 0; i < 20; i++) assert.equal(await attemptSignIn(`spray${i}@example.com`, 'wrong', '203.0.113.99'), null);
    assert.equal(await statusOf(attemptSignIn('owner@example.com', PASSWORD, '203.0.113.99')), 429);
    assert.ok(await attemptSignIn('owner@example.com', PASSWORD, '203.0.113.100'));
  });

  test('a success clears that account+address counter', async () => {
    for (let i = 0; i < 4; i++) await attemptSignIn('owner@example.com', 'wrong', '198.51.100.30');
    assert.ok(await attemptSignIn('owner@example.com', PASSWORD, '198.51.100.30'));
    for (let i = 0; i < 4; i++) assert.equal(await attemptSignIn('owner@example.com', 'wrong', '198.51.100.30'), null);
  });
});

describe('session version (finding 9)', () => {
  async function session(email: string, password = PASSWORD): Promise<{ id: string; sv: number }> {
    const s = await verifySignIn(email, password);
    assert.ok(s, `${email} signs in`);
    assert.ok(await findSessionActor(s.actor.id, s.sessionVersion), 'a fresh session is valid');
    return { id: s.actor.id, sv: s.sessionVersion };
  }

  test('sign-out ends every session of the account, including copies of the cookie', async () => {
    await createUser(admin, { email: 'session@example.com', password: PASSWORD, role: 'reviewer' });
    const a = await session('session@example.com');
    const b = await session('session@example.com');
    await endSessions(a.id);
    assert.equal(await findSessionActor(a.id, a.sv), null);
    assert.equal(await findSessionActor(b.id, b.sv), null);
    await session('session@example.com');
  });

  test('a role change ends sessions', async () => {
    const s = await session('session@example.com');
    await changeRole(admin, s.id, 'editor');
    assert.equal(await findSessionActor(s.id, s.sv), null);
    assert.equal((await session('session@example.com')) && (await db().user.findUniqueOrThrow({ where: { id: s.id } })).role, 'editor');
  });

  test('a password change ends sessions; the old password stops working', async () => {
    const s = await session('session@example.com');
    await operator.setPassword('session@example.com', 'quiet meadow copper violin');
    assert.equal(await findSessionActor(s.id, s.sv), null);
    assert.equal(await verifySignIn('session@example.com', PASSWORD), null);
    await session('session@example.com', 'quiet meadow copper violin');
  });

  test('deactivation ends sessions and refuses sign-in; only admins may; reactivation lets them back', async () => {
    const s = await session('session@example.com', 'quiet meadow copper violin');
    const reviewer = { ...admin, id: s.id, email: 'session@example.com', role: 'editor' as const };
    assert.equal(await statusOf(deactivateUser(reviewer, admin.id)), 403);
    assert.equal(await statusOf(deactivateUser(null, s.id)), 401);
    assert.equal(await statusOf(deactivateUser(admin, admin.id)), 409, 'not your own account');
    assert.equal(await statusOf(deactivateUser(admin, 'no-such-id')), 404);
    const dto = await deactivateUser(admin, s.id);
    assert.equal(dto.active, false);
    assert.equal(await findSessionActor(s.id, s.sv), null);
    assert.equal(await verifySignIn('session@example.com', 'quiet meadow copper violin'), null);
    assert.equal(await statusOf(deactivateUser(admin, s.id)), 409, 'already deactivated');
    assert.equal((await reactivateUser(admin, s.id)).active, true);
    await session('session@example.com', 'quiet meadow copper violin');
    const types = (await db().event.findMany({ where: { targetId: s.id }, orderBy: { at: 'asc' }, select: { type: true } })).map((e) => e.type);
    assert.deepEqual(types, ['account.created', 'account.role_changed', 'account.password_changed', 'account.deactivated', 'account.reactivated']);
  });
});

describe('admins change roles and reset passwords (issue 9, item 9)', () => {
  const asActor = (u: { id: string; email: string; name: string }, role: Actor['role']): Actor => ({ id: u.id, email: u.email, name: u.name, role });
  let editor: Actor;
  let reviewer: Actor;
  let target: { id: string; email: string; name: string };

  before(async () => {
    editor = asActor(await createUser(admin, { email: 'matrix-editor@example.com', password: PASSWORD, role: 'editor' }), 'editor');
    reviewer = asActor(await createUser(admin, { email: 'matrix-reviewer@example.com', password: PASSWORD, role: 'reviewer' }), 'reviewer');
    target = await createUser(admin, { email: 'matrix-target@example.com', password: PASSWORD, role: 'reviewer' });
  });

  test('permission matrix: only admins list, create, change roles, reset, deactivate; nothing is written otherwise', async () => {
    const events = await db().event.count();
    for (const [who, expected] of [[null, 401], [reviewer, 403], [editor, 403]] as const) {
      assert.equal(await statusOf(changeRole(who, target.id, 'editor')), expected, `role change by ${who?.role ?? 'nobody'}`);
      assert.equal(await statusOf(resetPassword(who, target.id)), expected, `reset by ${who?.role ?? 'nobody'}`);
      assert.equal(await statusOf(deactivateUser(who, target.id)), expected);
      assert.equal(await statusOf(reactivateUser(who, target.id)), expected);
      assert.equal(await statusOf(listUsers(who)), expected);
      assert.equal(await statusOf(createUser(who, { email: 'nope@example.com', password: PASSWORD, role: 'admin' })), expected);
    }
    assert.equal(await db().event.count(), events);
    const row = await db().user.findUniqueOrThrow({ where: { id: target.id } });
    assert.equal(row.role, 'reviewer');
    assert.ok(await verifySignIn(target.email, PASSWORD), 'the password was not touched');
  });

  test('a role change applies at once: the old session ends, the next sign-in has the new role; history has before and after', async () => {
    const s = await verifySignIn(target.email, PASSWORD);
    assert.ok(s);
    assert.equal(s.actor.role, 'reviewer');
    const dto = await changeRole(admin, target.id, 'editor');
    assert.equal(dto.role, 'editor');
    assert.equal(await findSessionActor(s.actor.id, s.sessionVersion), null, 'the reviewer session is over');
    assert.equal((await verifySignIn(target.email, PASSWORD))?.actor.role, 'editor');
    const e = await db().event.findFirstOrThrow({ where: { targetId: target.id, type: 'account.role_changed' }, orderBy: { at: 'desc' } });
    assert.equal(e.actorId, admin.id);
    assert.deepEqual([JSON.parse(String(e.before)), JSON.parse(String(e.after))], [{ role: 'reviewer' }, { role: 'editor' }]);
  });

  test('role changes refused: an unknown role is 422, the same role 409, your own role 409, no account 404', async () => {
    const bad = await changeRole(admin, target.id, 'owner').catch((x: AppError) => x);
    assert.ok(bad instanceof AppError && bad.status === 422);
    assert.match(bad.fields?.role ?? '', /admin, editor or reviewer/);
    assert.equal(await statusOf(changeRole(admin, target.id, 'editor')), 409);
    assert.equal(await statusOf(changeRole(admin, admin.id, 'reviewer')), 409);
    assert.equal(await statusOf(changeRole(admin, 'no-such-id', 'editor')), 404);
    assert.equal((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role, 'admin');
  });

  test('a reset gives a random temporary password once: the old one stops working, sessions end, history says so without the password', async () => {
    const s = await verifySignIn(target.email, PASSWORD);
    assert.ok(s);
    const { user, temporaryPassword } = await resetPassword(admin, target.id);
    assert.equal(user.id, target.id);
    assert.match(temporaryPassword, /^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    assert.notEqual((await resetPassword(admin, target.id)).temporaryPassword, temporaryPassword, 'each reset is a new password');
    const { temporaryPassword: latest } = await resetPassword(admin, target.id);
    assert.equal(await findSessionActor(s.actor.id, s.sessionVersion), null);
    assert.equal(await verifySignIn(target.email, PASSWORD), null);
    assert.equal(await verifySignIn(target.email, temporaryPassword), null, 'an earlier temporary password is gone too');
    assert.equal((await verifySignIn(target.email, latest))?.mustChangePassword, true);
    const events = await db().event.findMany({ where: { targetId: target.id, type: 'account.password_reset' } });
    assert.equal(events.length, 3);
    for (const e of events) {
      assert.equal(e.actorId, admin.id);
      assert.ok(!JSON.stringify(e).includes(latest), 'the password is never in history');
    }
  });

  test('a temporary password signs in to nothing until the account has chosen its own', async () => {
    const { temporaryPassword } = await resetPassword(admin, target.id);
    const address = '198.51.100.77';
    const refused = await attemptSignIn(target.email, temporaryPassword, address).catch((x: AppError) => x);
    assert.ok(refused instanceof AppError && refused.status === 403);
    assert.equal(refused.message, PASSWORD_CHANGE_REQUIRED);
    const change = (temporary: string, password: string) => changeTemporaryPassword({ email: target.email, temporaryPassword: temporary, password }, address);
    assert.equal(await statusOf(change('not-the-temporary-one', 'a meadow of copper violins')), 401);
    const weak = await change(temporaryPassword, 'password1234').catch((x: AppError) => x);
    assert.ok(weak instanceof AppError && weak.status === 422 && /too easy/.test(weak.fields?.password ?? ''));
    assert.equal(await statusOf(change(temporaryPassword, temporaryPassword)), 422, 'not the temporary one again');
    assert.equal(await statusOf(changeTemporaryPassword({ email: target.email }, address)), 422);
    const dto = await change(temporaryPassword, 'a meadow of copper violins');
    assert.equal(dto.id, target.id);
    const signedIn = await attemptSignIn(target.email, 'a meadow of copper violins', address);
    assert.equal(signedIn?.actor.id, target.id);
    assert.equal(signedIn?.mustChangePassword, false);
    assert.equal(await verifySignIn(target.email, temporaryPassword), null, 'the temporary password is gone');
    assert.equal(await statusOf(change(temporaryPassword, 'another river of brass')), 401);
    // An ordinary password cannot be "changed" through this door: it is for temporary ones only.
    assert.equal(await statusOf(change('a meadow of copper violins', 'another river of brass')), 409);
    const e = await db().event.findFirstOrThrow({ where: { targetId: target.id }, orderBy: { at: 'desc' } });
    assert.deepEqual([e.type, e.actorId], ['account.password_changed', target.id]);
  });

  test('a temporary password expires: after its deadline sign-in and the change step both say so, and a new reset works', async () => {
    const hours = process.env.FACTDESK_TEMPORARY_PASSWORD_HOURS;
    process.env.FACTDESK_TEMPORARY_PASSWORD_HOURS = '2';
    const before = Date.now();
    const reset = await resetPassword(admin, target.id).finally(() => {
      if (hours === undefined) delete process.env.FACTDESK_TEMPORARY_PASSWORD_HOURS;
      else process.env.FACTDESK_TEMPORARY_PASSWORD_HOURS = hours;
    });
    const deadline = new Date(reset.expiresAt).getTime();
    assert.ok(deadline >= before + 2 * 3_600_000 && deadline <= Date.now() + 2 * 3_600_000, `expires ${reset.expiresAt}: two hours, as configured`);
    const stored = await db().user.findUniqueOrThrow({ where: { id: target.id }, select: { temporaryPasswordExpiresAt: true } });
    assert.equal(stored.temporaryPasswordExpiresAt?.toISOString(), reset.expiresAt);
    const address = '198.51.100.78';
    // Still valid: the "choose a new password" step.
    assert.equal((await attemptSignIn(target.email, reset.temporaryPassword, address).catch((x: AppError) => x) as AppError).message, PASSWORD_CHANGE_REQUIRED);
    // The deadline passes (moved rather than waited for).
    const expiredAt = new Date(Date.now() - 60_000);
    await db().user.update({ where: { id: target.id }, data: { temporaryPasswordExpiresAt: expiredAt } });
    const late = await attemptSignIn(target.email, reset.temporaryPassword, address).catch((x: AppError) => x);
    assert.ok(late instanceof AppError && late.status === 401, String(late));
    assert.equal(late.message, temporaryPasswordExpiredMessage(expiredAt));
    assert.match(late.message, /expired on .* Ask an admin to reset your password again/);
    const change = await changeTemporaryPassword({ email: target.email, temporaryPassword: reset.temporaryPassword, password: 'a lantern of quiet rivers' }, address).catch((x: AppError) => x);
    assert.ok(change instanceof AppError && change.status === 401 && change.message === late.message, 'the change step refuses it too');
    assert.equal(await verifySignIn(target.email, 'a lantern of quiet rivers'), null, 'nothing was changed');
    // A wrong password stays a plain wrong password: the expiry is told only to the holder of the right one.
    assert.equal(await attemptSignIn(target.email, 'not-the-temporary-one', address), null);
    const again = await resetPassword(admin, target.id);
    const fresh = await attemptSignIn(target.email, again.temporaryPassword, address).catch((x: AppError) => x);
    assert.equal((fresh as AppError).message, PASSWORD_CHANGE_REQUIRED, 'a new reset gives a working temporary password');
    await changeTemporaryPassword({ email: target.email, temporaryPassword: again.temporaryPassword, password: 'a lantern of quiet rivers' }, address);
    const cleared = await db().user.findUniqueOrThrow({ where: { id: target.id }, select: { mustChangePassword: true, temporaryPasswordExpiresAt: true } });
    assert.deepEqual(cleared, { mustChangePassword: false, temporaryPasswordExpiresAt: null });
  });

  test('resets refused: your own account 409, a deactivated account 409 (reactivate first), no account 404', async () => {
    assert.equal(await statusOf(resetPassword(admin, admin.id)), 409);
    assert.equal(await statusOf(resetPassword(admin, 'no-such-id')), 404);
    await deactivateUser(admin, target.id);
    assert.equal(await statusOf(resetPassword(admin, target.id)), 409);
    await reactivateUser(admin, target.id);
    assert.equal(await statusOf(resetPassword(admin, target.id)), 200);
  });
});
