'use client';
import { signOut } from 'next-auth/react';
import { clearAllDrafts } from '@/components/review/use-claim-draft';

export function SignOutButton() {
  // Unsaved review text kept in this browser belongs to the person signing out, not the next one.
  return <button type="button" className="link" onClick={() => { clearAllDrafts(); void signOut({ callbackUrl: '/signin' }); }}>Sign out</button>;
}
