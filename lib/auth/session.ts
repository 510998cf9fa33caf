// The signed-in account for this request, or null. Server components, actions and route handlers
// all go through here; the data layer then decides what that account may do.
import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { authOptions } from './options';
import { isRole, type Actor } from './permissions';

// cache(): the layout and the page both ask; one session decode and one lookup per request. The
// lookup is in authOptions' jwt callback: it re-reads the account and compares the session version,
// so the fields below are this request's database values, not what the cookie said.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as Partial<Actor> | undefined;
  if (!user?.id || !user.email || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name ?? '', role: user.role };
});
