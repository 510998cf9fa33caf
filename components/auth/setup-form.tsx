'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FormError } from '@/components/ui/field';
import { callApi } from '@/components/ui/api-client';

export function SetupForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const res = await callApi('/api/setup', {
      method: 'POST',
      body: JSON.stringify({ token, email: form.get('email'), name: form.get('name'), password: form.get('password') }),
    });
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields ?? {});
      return;
    }
    router.push('/signin?created=1');
  }

  return (
    <form onSubmit={onSubmit} className="card narrow" aria-label="Create the admin account">
      <h1>Create the admin account</h1>
      <p>This install has no accounts yet. The first account is the admin: it creates everyone else&apos;s.</p>
      <FormError message={error} />
      <Field id="name" label="Your name"><input id="name" name="name" autoComplete="name" /></Field>
      <Field id="email" label="Email" error={fields.email}><input id="email" name="email" type="email" required autoComplete="username" /></Field>
      <Field id="password" label="Password (at least 12 characters; a phrase of unrelated words is easiest)" error={fields.password}>
        <input id="password" name="password" type="password" required minLength={12} maxLength={200} autoComplete="new-password" />
      </Field>
      <button type="submit" className="primary">Create admin account</button>
    </form>
  );
}
