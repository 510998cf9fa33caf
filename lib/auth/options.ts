// next-auth v4: email + password (credentials provider) with JWT sessions in an httpOnly,
// SameSite=Lax cookie. The JWT carries the account id and its session version; every session read
// (getServerSession, /api/auth/session) re-reads the account and refuses the cookie when the account
// is gone or deactivated or its version moved on (sign-out, password or role change, deactivation).
// See docs/decisions/003-auth.md and 011-accounts-hardening.md.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { AppError } from '../api/errors';
import { endSessions, findSessionActor } from '../db/users';
import { clientAddressFromHeaders } from './client-address';
import { attemptSignIn } from './sign-in';

const SESSION_ENDED = 'session ended: account deactivated, removed, or signed out elsewhere';

type SessionUser = { id: string; email: string; name: string; role: string };

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
  pages: { signIn: '/signin', error: '/signin' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? '').trim().toLowerCase();
        const password = String(credentials?.password ?? '');
        if (!email || !password) return null;
        let signedIn;
        try {
          signedIn = await attemptSignIn(email, password, clientAddressFromHeaders(req?.headers ?? {}));
        } catch (e) {
          // next-auth shows an Error's message on the sign-in form; a plain one, not our AppError.
          if (e instanceof AppError) throw new Error(e.message);
          throw e;
        }
        if (!signedIn) return null;
        const { actor, sessionVersion } = signedIn;
        return { id: actor.id, email: actor.email, name: actor.name || actor.email, sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        return token;
      }
      const actor = typeof token.uid === 'string' && typeof token.sv === 'number' ? await findSessionActor(token.uid, token.sv) : null;
      // next-auth answers a throw here by clearing the cookie and reporting no session.
      if (!actor) throw new Error(SESSION_ENDED);
      Object.assign(token, { email: actor.email, name: actor.name, role: actor.role });
      return token;
    },
    async session({ session, token }) {
      const user: SessionUser = { id: String(token.uid), email: String(token.email), name: String(token.name ?? ''), role: String(token.role) };
      return { ...session, user };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.uid === 'string') await endSessions(token.uid);
    },
  },
  logger: {
    error(code, metadata) {
      const message = (metadata as { message?: string } | undefined)?.message ?? '';
      if (code === 'JWT_SESSION_ERROR' && message === SESSION_ENDED) return;
      console.error(`[next-auth] ${code}: ${message.split('\n')[0]}`);
    },
    warn(code) {
      console.warn(`[next-auth] ${code}`);
    },
    debug() {},
  },
};
