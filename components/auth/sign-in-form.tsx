'use client';
import { signIn } from 'next-auth/react';
import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Field, FormError } from '@/components/ui/field';
import { callApi } from '@/components/ui/api-client';
import { PASSWORD_CHANGE_REQUIRED } from '@/lib/auth/messages';
import { sameOriginTarget } from '@/lib/http/redirect';

export function SignInForm() {
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // After an admin's reset: the email and temporary password that were accepted, kept for step two.
  const [temporary, setTemporary] = useState<{ email: string; password: string } | null>(null);

  async function finishSignIn(email: string, password: string) {
    const res = await signIn('credentials', { email, password, redirect: false });
    if (!res || res.error) {
      if (res?.error === PASSWORD_CHANGE_REQUIRED) {
        setTemporary({ email, password });
        setError(null);
        return;
      }
      setError(res?.error && res.error !== 'CredentialsSignin' ? res.error : 'Wrong email or password. Check both and try again.');
      return;
    }
    // A full navigation, so the layout and pages render again with the new session cookie.
    window.location.assign(sameOriginTarget(params.get('callbackUrl'), window.location.origin));
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    await finishSignIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    setBusy(false);
  }

  async function onNewPassword(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!temporary) return;
    const form = new FormData(e.currentTarget);
    const password = String(form.get('new-password') ?? '');
    if (password !== String(form.get('repeat-password') ?? '')) {
      setFields({ 'repeat-password': 'The two passwords differ.' });
      return;
    }
    setBusy(true);
    setError(null);
    setFields({});
    const res = await callApi('/api/account/password', {
      method: 'POST',
      body: JSON.stringify({ email: temporary.email, temporaryPassword: temporary.password, password }),
    });
    if (!res.ok) {
      setBusy(false);
      setError(res.message);
      setFields(res.fields ?? {});
      return;
    }
    await finishSignIn(temporary.email, password);
    setBusy(false);
  }

  if (temporary) {
    return (
      <form onSubmit={onNewPassword} className="card narrow" aria-label="Choose a new password">
        <h1>Choose a new password</h1>
        <p>An admin reset the password of {temporary.email}. Choose your own to sign in; the temporary one then stops working.</p>
        <FormError message={error} />
        <Field id="new-password" label="New password (at least 12 characters, not a common one)" error={fields.password}>
          <input id="new-password" name="new-password" type="password" autoComplete="new-password" required minLength={12} maxLength={200} />
        </Field>
        <Field id="repeat-password" label="The new password again" error={fields['repeat-password']}>
          <input id="repeat-password" name="repeat-password" type="password" autoComplete="new-password" required />
        </Field>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Saving…' : 'Save and sign in'}</button>
      </form>
    );
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
