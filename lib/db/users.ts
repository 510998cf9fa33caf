// Accounts. The first account on a fresh install becomes admin; after that only admins create them.
import 'server-only';
import { z } from 'zod';
import { AppError, fromZodError } from '../api/errors';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password';
import { assertCan, isRole, ROLES, type Actor } from '../auth/permissions';
import { db } from './client';
import { recordEvent } from './events';

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter a valid email address.').max(254),
  name: z.string().trim().max(100).optional().default(''),
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`).max(200, 'Use at most 200 characters.'),
  role: z.enum(ROLES, { message: 'Role must be admin, editor or reviewer.' }),
});
export type NewUser = z.input<typeof newUserSchema>;

export type UserDto = { id: string; email: string; name: string; role: string; createdAt: string };

const userSelect = { id: true, email: true, name: true, role: true, createdAt: true } as const;

function toDto(u: { id: string; email: string; name: string; role: string; createdAt: Date }): UserDto {
  return { ...u, createdAt: u.createdAt.toISOString() };
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

async function insertUser(input: NewUser | unknown, actorId: string | null, onlyIfEmpty: boolean): Promise<UserDto> {
  const parsed = newUserSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { email, name, password, role } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    if (onlyIfEmpty && (await tx.user.count()) > 0) {
      throw new AppError('conflict', 'This install already has an admin. Sign in instead.');
    }
    if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
      throw new AppError('conflict', `An account for ${email} already exists.`, { email: 'Already in use.' });
    }
    const user = await tx.user.create({ data: { email, name, passwordHash, role }, select: userSelect });
    await recordEvent(tx, { actorId: actorId ?? user.id, type: 'account.created', targetType: 'user', targetId: user.id, after: { email, role } });
    return toDto(user);
  });
}

/** First-run set-up: creates the admin account, and refuses once any account exists. */
export function createFirstAdmin(input: Omit<NewUser, "role"> | unknown): Promise<UserDto> {
  return insertUser({ ...(input as object), role: 'admin' }, null, true);
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

/** Checks an email and password; returns the account or null. Never says which part was wrong. */
export async function authenticate(email: string, password: string): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  if (!user) {
    // Spend the same time as a real check so response time does not reveal which emails exist.
    await verifyPassword(password, '$2b$12$CwTycUXWue0Thq9StjUM0uJ8.mG0Lp2o0lA7QnH6mq6u1iZ5Ue0Ty');
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash)) || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** The current account behind a session, re-read so a changed role takes effect at once. */
export async function findActor(id: string): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
  return user && isRole(user.role) ? { ...user, role: user.role } : null;
}
