import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { SignInForm } from '@/components/auth/sign-in-form';
import { isInstallSetUp } from '@/lib/db/users';
import { currentActor } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  if (!(await isInstallSetUp())) redirect('/setup');
  if (await currentActor()) redirect('/');
  const { created } = await searchParams;
  return (
    <div className="page">
      {created ? <p className="notice narrow" role="status">Admin account created. Sign in with it.</p> : null}
      <Suspense><SignInForm /></Suspense>
    </div>
  );
}
