'use client';
import { signIn } from 'next-auth/react';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Field, FormError } from '@/components/ui/field';
import { sameOriginTarget } from '@/lib/http/redirect';

export function SignInForm() {
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn('credentials', { email: form.get('email'), password: form.get('password'), redirect: false });
    setBusy(false);
    if (!res || res.error) {
      setError(res?.error && res.error !== 'CredentialsSignin' ? res.error : 'Wrong email or password. Check both and try again.');
      return;
    }
    // A full navigation, so the layout and pages render again with the new session cookie.
    window.location.assign(sameOriginTarget(params.get('callbackUrl'), window.location.origin));
  }

  return (
    <form onSubmit={onSubmit} className="card narrow" aria-label="Sign in">
      <h1>Sign in</h1>
      <FormError message={error} />
      <Field id="email" label="Email"><input id="email" name="email" type="email" autoComplete="username" required /></Field>
      <Field id="password" label="Password"><input id="password" name="password" type="password" autoComplete="current-password" required /></Field>
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
    </form>
  );
}
