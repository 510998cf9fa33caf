// The signed-in account for this request, or null. Server components, actions and route handlers
// all go through here; the data layer then decides what that account may do.
import 'server-only';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { findActor } from '../db/users';
import { authOptions } from './options';
import type { Actor } from './permissions';

// cache(): the layout and the page both ask; one session decode and one lookup per request.
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? findActor(id) : null;
});
