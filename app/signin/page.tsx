import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { SignInForm } from '@/components/auth/sign-in-form';
import { countUsers } from '@/lib/db/users';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ created?: string }> }) {
  if ((await countUsers()) === 0) redirect('/setup');
  const { created } = await searchParams;
  return (
    <div className="page">
      {created ? <p className="notice narrow" role="status">Admin account created. Sign in with it.</p> : null}
      <Suspense><SignInForm /></Suspense>
    </div>
  );
}
