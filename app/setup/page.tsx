import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { isValidSetupToken } from '@/lib/auth/setup-token';
import { isInstallSetUp } from '@/lib/db/users';

export const dynamic = 'force-dynamic';

export default async function SetupPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  if (await isInstallSetUp()) redirect('/signin');
  const { token } = await searchParams;
  if (typeof token !== 'string' || !isValidSetupToken(token)) {
    return (
      <div className="page">
        <div className="card narrow" role="region" aria-label="Set-up link needed">
          <h1>Open the set-up link</h1>
          <p>
            This install has no admin yet. To create it, open the set-up link printed in the terminal where
            <code> npm start </code> runs (it changes at every start), or create the admin there with
            <code> npm run user -- create --role admin</code>.
          </p>
          {token ? <p className="form-error" role="alert">This set-up link is not valid or is from an earlier start.</p> : null}
        </div>
      </div>
    );
  }
  return <div className="page"><SetupForm token={token} /></div>;
}
