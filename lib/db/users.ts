// Accounts. The first account on a fresh install becomes admin (through the set-up link); after that
// only admins (or an operator at the shell) create, deactivate or change them. Every change that
// should end an account's sessions bumps its sessionVersion (lib/auth/session.ts compares it).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError, fromZodError } from '../api/errors';
import { hashPassword, isLegacyHash, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, spendVerifyTime, verifyPassword } from '../auth/password';
import { passwordProblem } from '../auth/password-policy';
import { assertCan, isRole, ROLES, type Actor, type Role } from '../auth/permissions';
import { isSetupTokenConfigured, isValidSetupToken } from '../auth/setup-token';
import { setupRule, THROTTLE_WINDOW_MS, throttledMessage } from '../auth/throttle';
import { temporaryPasswordExpiry } from '../auth/temporary-password';
import type { EventType } from '../history/events';
import { db } from './client';
import { recordEvent } from './events';
import { isUniqueViolation } from './prisma-errors';
import { clearAttempts, countAttempt } from './throttle';

const passwordField = z
  .string({ message: 'Enter a password.' })
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  name: z.string().trim().max(100).optional().default(''),
  password: passwordField,
  role: z.enum(ROLES, { message: 'Role must be admin, editor or reviewer.' }),
});
export type NewUser = z.input<typeof newUserSchema>;

export type UserDto = { id: string; email: string; name: string; role: string; createdAt: string; active: boolean };

const userSelect = { id: true, email: true, name: true, role: true, createdAt: true, deactivatedAt: true } as const;

function toDto(u: { id: string; email: string; name: string; role: string; createdAt: Date; deactivatedAt: Date | null }): UserDto {
  return { id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt.toISOString(), active: u.deactivatedAt === null };
}

const ALREADY_SET_UP = 'This install already has an admin. Sign in instead.';

export async function countUsers(): Promise<number> {
  return db().user.count();
}

// Accounts are never deleted, so once set up an install stays set up: after the first "yes" this
// process answers without asking the database, which keeps a flood of set-up requests cheap.
let setUp = false;
export async function isInstallSetUp(): Promise<boolean> {
  if (!setUp) setUp = (await db().user.count()) > 0;
  return setUp;
}

async function assertAcceptablePassword(password: string, related: string[]): Promise<void> {
  const problem = await passwordProblem(password, related);
  if (problem) throw new AppError('invalid', 'Choose a stronger password.', { password: problem });
}

async function insertUser(input: NewUser | unknown, actorId: string | null, firstAdmin: boolean): Promise<UserDto> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { email, name, password, role } = parsed.data;
  // Before any hashing: a closed set-up must cost almost nothing to refuse.
  if (firstAdmin && (await isInstallSetUp())) throw new AppError('conflict', ALREADY_SET_UP);
  await assertAcceptablePassword(password, [email, name]);
  const passwordHash = await hashPassword(password);
  try {
    return await db().$transaction(async (tx) => {
      if (firstAdmin && (await tx.user.count()) > 0) throw new AppError('conflict', ALREADY_SET_UP);
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
        throw new AppError('conflict', `An account for ${email} already exists.`, { email: 'Already in use.' });
      }
      const user = await tx.user.create({
        data: { email, name, passwordHash, role, installOwner: firstAdmin ? true : null },
        select: userSelect,
      });
      await recordEvent(tx, { actorId: actorId ?? user.id, type: 'account.created', targetType: 'user', targetId: user.id, after: { email, role } });
      return toDto(user);
    });
  } catch (e) {
    // Racing requests all passed the checks above; the unique indexes let one commit. On PostgreSQL
    // the others arrive here (SQLite serialises writers, so they usually fail the checks instead).
    if (isUniqueViolation(e, 'installOwner')) throw new AppError('conflict', ALREADY_SET_UP);
    if (isUniqueViolation(e, 'email')) throw new AppError('conflict', `An account for ${email} already exists.`, { email: 'Already in use.' });
    throw e;
  }
}

/** Creates the admin account while the install has none. Trusted callers only: see setUpInstall. */
export async function createFirstAdmin(input: Omit<NewUser, 'role'> | unknown): Promise<UserDto> {
  const user = await insertUser({ ...(input as object), role: 'admin' }, null, true);
  setUp = true;
  return user;
}

const setupSchema = z.object({ token: z.string().max(512).optional() }).passthrough();

/**
 * POST /api/setup: anonymous, so every step is ordered cheapest first. Closed install -> 409 with no
 * database write; then the per-address attempt count (429); then the one-time token (403); only
 * then validation, the password check and hashing.
 */
export async function setUpInstall(input: unknown, address: string): Promise<UserDto> {
  if (await isInstallSetUp()) throw new AppError('conflict', ALREADY_SET_UP);
  const rule = setupRule(address);
  const attempt = await countAttempt(rule.key);
  if (attempt.count > rule.limit) {
    throw new AppError('too_many_requests', throttledMessage('set-up', new Date(attempt.windowStart.getTime() + THROTTLE_WINDOW_MS)));
  }
  const token = setupSchema.safeParse(input ?? {}).data?.token;
  if (!isSetupTokenConfigured()) {
    throw new AppError('forbidden', 'Set-up through the browser needs the link that `npm start` prints. Start the server with `npm start`, or create the admin with `npm run user -- create --role admin`.');
  }
  if (!isValidSetupToken(token)) {
    throw new AppError('forbidden', 'This set-up link is not valid. Open the link printed in the terminal where `npm start` runs; it changes at every start.');
  }
  const { token: _token, ...fields } = (input ?? {}) as Record<string, unknown>;
  const user = await createFirstAdmin(fields);
  await clearAttempts(rule.key);
  return user;
}

export async function createUser(actor: Actor | null, input: NewUser | unknown): Promise<UserDto> {
  assertCan(actor, 'user:manage');
  return insertUser(input, actor.id, false);
}

/** For operators (`npm run user -- create`): no session, the shell is the authority. */
export function createUserAsOperator(input: NewUser | unknown): Promise<UserDto> {
  return insertUser(input, null, false);
}

export async function listUsers(actor: Actor | null): Promise<UserDto[]> {
  assertCan(actor, 'user:manage');
  const users = await db().user.findMany({ select: userSelect, orderBy: { createdAt: 'asc' } });
  return users.map(toDto);
}

/**
 * mustChangePassword: the password was an admin's temporary one; no session until the account picks
 * its own, and none at all after temporaryPasswordExpiresAt (lib/auth/sign-in.ts checks it).
 */
export type SignedIn = { actor: Actor; sessionVersion: number; mustChangePassword: boolean; temporaryPasswordExpiresAt: Date | null };

/**
 * Checks an email and password; returns the account and its session version, or null. Never says
 * which part was wrong, and a deactivated account is refused like a wrong password. A legacy bcrypt
 * hash is replaced by Argon2id on success.
 */
export async function verifySignIn(email: string, password: string): Promise<SignedIn | null> {
  if (password.length > MAX_PASSWORD_LENGTH) return null;
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, sessionVersion: true, deactivatedAt: true, mustChangePassword: true, temporaryPasswordExpiresAt: true },
  });
  if (!user) {
    await spendVerifyTime(password);
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash)) || !isRole(user.role) || user.deactivatedAt) return null;
  if (isLegacyHash(user.passwordHash)) {
    // Only if the hash is still the one we checked: a concurrent password change wins.
    await db().user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash: await hashPassword(password) } });
  }
  return { actor: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionVersion: user.sessionVersion, mustChangePassword: user.mustChangePassword, temporaryPasswordExpiresAt: user.temporaryPasswordExpiresAt };
}

export async function authenticate(email: string, password: string): Promise<Actor | null> {
  return (await verifySignIn(email, password))?.actor ?? null;
}

/** The account behind a session, or null if it is gone, deactivated, or the session was ended. */
export async function findSessionActor(id: string, sessionVersion: number): Promise<Actor | null> {
  // Raw SQL (same text on both engines): this runs on every request, and a Prisma model query
  // costs about 2 ms of CPU in its query compiler against under 1 ms for this (issue 13).
  const [user] = await db().$queryRaw<Array<{ id: string; email: string; name: string; role: string; sessionVersion: number | bigint; deactivatedAt: unknown }>>`
    SELECT "id", "email", "name", "role", "sessionVersion", "deactivatedAt" FROM "User" WHERE "id" = ${id}`;
  if (!user || user.deactivatedAt != null || Number(user.sessionVersion) !== sessionVersion || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Sign-out: ends every session of the account, including copies of the cookie elsewhere. */
export async function endSessions(userId: string): Promise<void> {
  await db().user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

type AccountChange =
  | { kind: 'deactivate' }
  | { kind: 'reactivate' }
  | { kind: 'role'; role: Role }
  | { kind: 'password'; passwordHash: string }
  | { kind: 'reset'; passwordHash: string; expiresAt: Date };

const EVENT_OF: Record<AccountChange['kind'], EventType> = {
  deactivate: 'account.deactivated',
  reactivate: 'account.reactivated',
  role: 'account.role_changed',
  password: 'account.password_changed',
  reset: 'account.password_reset',
};

async function changeAccount(actorId: string | null, where: { id: string } | { email: string }, change: AccountChange): Promise<UserDto> {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where, select: { ...userSelect, sessionVersion: true } });
    if (!user) throw new AppError('not_found', 'No such account.');
    // Each admin keeps the others honest: none can lock themselves out, and the desk never loses its
    // last admin through the admin's own click.
    if (actorId === user.id && change.kind !== 'reactivate' && change.kind !== 'password') {
      throw new AppError('conflict', 'You cannot deactivate your own account, change your own role or reset your own password here; ask another admin.');
    }
    let data: { deactivatedAt?: Date | null; role?: Role; passwordHash?: string; mustChangePassword?: boolean; temporaryPasswordExpiresAt?: Date | null };
    let before: unknown;
    let after: unknown;
    if (change.kind === 'deactivate') {
      if (user.deactivatedAt) throw new AppError('conflict', `${user.email} is already deactivated.`);
      data = { deactivatedAt: new Date() };
    } else if (change.kind === 'reactivate') {
      if (!user.deactivatedAt) throw new AppError('conflict', `${user.email} is already active.`);
      data = { deactivatedAt: null };
    } else if (change.kind === 'role') {
      if (user.role === change.role) throw new AppError('conflict', `${user.email} is already ${change.role}.`);
      data = { role: change.role };
      [before, after] = [{ role: user.role }, { role: change.role }];
    } else {
      if (user.deactivatedAt && change.kind === 'reset') throw new AppError('conflict', `${user.email} is deactivated. Reactivate it first.`);
      // A reset's password is the admin's; any other password change is the account's own choice.
      const isReset = change.kind === 'reset';
      data = { passwordHash: change.passwordHash, mustChangePassword: isReset, temporaryPasswordExpiresAt: isReset ? change.expiresAt : null };
    }
    // Compare-and-set on the version: of two concurrent changes each ends the sessions, neither is lost.
    const { count } = await tx.user.updateMany({ where: { id: user.id, sessionVersion: user.sessionVersion }, data: { ...data, sessionVersion: { increment: 1 } } });
    if (count !== 1) throw new AppError('conflict', 'The account changed meanwhile. Reload and try again.');
    await recordEvent(tx, { actorId: actorId ?? user.id, type: EVENT_OF[change.kind], targetType: 'user', targetId: user.id, before, after });
    const updated = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: userSelect });
    return toDto(updated);
  });
}

export async function deactivateUser(actor: Actor | null, id: string): Promise<UserDto> {
  assertCan(actor, 'user:manage');
  return changeAccount(actor.id, { id }, { kind: 'deactivate' });
}

export async function reactivateUser(actor: Actor | null, id: string): Promise<UserDto> {
  assertCan(actor, 'user:manage');
  return changeAccount(actor.id, { id }, { kind: 'reactivate' });
}

const roleSchema = z.enum(ROLES, { message: 'Role must be admin, editor or reviewer.' });

export async function changeRole(actor: Actor | null, id: string, role: unknown): Promise<UserDto> {
  assertCan(actor, 'user:manage');
  const parsed = roleSchema.safeParse(role);
  if (!parsed.success) throw new AppError('invalid', 'Some fields need fixing.', { role: 'Role must be admin, editor or reviewer.' });
  return changeAccount(actor.id, { id }, { kind: 'role', role: parsed.data });
}

export type PasswordReset = { user: UserDto; temporaryPassword: string; expiresAt: string };

// No 0/O, 1/l/I: the admin reads it out or writes it down for the person.
const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** 20 random characters from 32 (100 bits), in groups of 5 so it can be read out. */
export function temporaryPassword(): string {
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => TEMPORARY_ALPHABET[b % TEMPORARY_ALPHABET.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/**
 * An admin resets someone's password: a new random one, returned once and stored only as its hash
 * (the event records that it happened, never the password). Every session of the account ends.
 */
export async function resetPassword(actor: Actor | null, id: string): Promise<PasswordReset> {
  assertCan(actor, 'user:manage');
  const password = temporaryPassword();
  const expiresAt = temporaryPasswordExpiry();
  const user = await changeAccount(actor.id, { id }, { kind: 'reset', passwordHash: await hashPassword(password), expiresAt });
  return { user, temporaryPassword: password, expiresAt: expiresAt.toISOString() };
}

/**
 * The account replaces an admin's temporary password with its own (the sign-in form's second step).
 * `signedIn` must come from checking the temporary password (lib/auth/sign-in.ts does, throttled).
 */
export async function replaceTemporaryPassword(signedIn: SignedIn, temporary: string, password: unknown): Promise<UserDto> {
  if (!signedIn.mustChangePassword) throw new AppError('conflict', 'This password is not a temporary one. Sign in with it.');
  if (password === temporary) throw new AppError('invalid', 'Choose a stronger password.', { password: 'Choose a password of your own, not the temporary one.' });
  const { actor } = signedIn;
  const passwordHash = await newPasswordHash(password, [actor.email, actor.name]);
  return changeAccount(actor.id, { id: actor.id }, { kind: 'password', passwordHash });
}

async function newPasswordHash(password: unknown, related: string[]): Promise<string> {
  const parsed = passwordField.safeParse(password);
  if (!parsed.success) throw fromZodError(parsed.error, 'Choose a stronger password.');
  await assertAcceptablePassword(parsed.data, related);
  return hashPassword(parsed.data);
}

/** Operators' versions (`npm run user -- ...`): no session, the shell is the authority. */
export const operator = {
  deactivate: (email: string) => changeAccount(null, { email: email.trim().toLowerCase() }, { kind: 'deactivate' }),
  reactivate: (email: string) => changeAccount(null, { email: email.trim().toLowerCase() }, { kind: 'reactivate' }),
  setRole: (email: string, role: unknown) => {
    const parsed = roleSchema.safeParse(role);
    if (!parsed.success) return Promise.reject(new AppError('invalid', 'Some fields need fixing.', { role: 'Role must be admin, editor or reviewer.' }));
    return changeAccount(null, { email: email.trim().toLowerCase() }, { kind: 'role', role: parsed.data });
  },
  setPassword: async (email: string, password: unknown) =>
    changeAccount(null, { email: email.trim().toLowerCase() }, { kind: 'password', passwordHash: await newPasswordHash(password, [email]) }),
};
