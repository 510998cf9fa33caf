// The signed-in account for this request, or null. Server components, actions and route handlers
// all go through here; the data layer then decides what that account may do.
import 'server-only';
import { getToken } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { findSessionActor } from '../db/users';
import { decodeSessionCookie } from './session-cookie';
import type { Actor } from './permissions';

// cache(): the layout and the page both ask; one cookie decode and one lookup per request.
//
// Why not getServerSession (issue 13): it runs next-auth's whole session action per request (the
// jwt and session callbacks, then re-encrypting a fresh cookie that App Router handlers never send
// back). Under load that was a measurable share of every request. This reads the same cookie with
// next-auth's own decoder (same secret, cookie name and expiry check) and applies the same rule as
// authOptions' jwt callback: the account is re-read and its session version compared, so a changed
// role applies at once and sign-out, deactivation or a password change end every session
// (decision 011). Only the cookie is read: no `Authorization: Bearer` fallback, as before.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  const token = await getToken({
    req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as never,
    secret: process.env.NEXTAUTH_SECRET,
    decode: decodeSessionCookie,
  });
  if (!token || typeof token.uid !== 'string' || typeof token.sv !== 'number') return null;
  return findSessionActor(token.uid, token.sv);
});
