// next-auth v4: email + password (credentials provider) with JWT sessions in an httpOnly,
// SameSite=Lax cookie. The JWT carries only the user id; lib/auth/session.ts re-reads the account on
// every request so a removed account or changed role takes effect at once. See docs/decisions/003-auth.md.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authenticate } from '../db/users';
import { clearFailures, isThrottled, recordFailure } from './throttle';

function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const fwd = headers?.['x-forwarded-for'];
  const first = Array.isArray(fwd) ? fwd[0] : fwd?.split(',')[0];
  return first?.trim() || 'local';
}

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
        const address = clientAddress(req?.headers);
        if (isThrottled(email, address)) {
          throw new Error('Too many failed sign-in attempts. Wait 15 minutes and try again, or ask an admin.');
        }
        const user = await authenticate(email, password);
        if (!user) {
          recordFailure(email, address);
          return null;
        }
        clearFailures(email);
        return { id: user.id, email: user.email, name: user.name || user.email };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === 'string') (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
};
