'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FormError } from '@/components/ui/field';
import { callApi } from '@/components/ui/api-client';

export function CreateUserForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const el = e.currentTarget;
    const form = new FormData(el);
    const res = await callApi<{ email: string }>('/api/users', {
      method: 'POST',
      body: JSON.stringify({ email: form.get('email'), name: form.get('name'), password: form.get('password'), role: form.get('role') }),
    });
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields ?? {});
      setNotice(null);
      return;
    }
    el.reset();
    setError(null);
    setFields({});
    setNotice(`Account created for ${res.data.email}.`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="card" aria-label="Create an account">
      <h2>Create an account</h2>
      <FormError message={error} />
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      <Field id="new-name" label="Name"><input id="new-name" name="name" /></Field>
      <Field id="new-email" label="Email" error={fields.email}><input id="new-email" name="email" type="email" required /></Field>
      <Field id="new-password" label="Temporary password (at least 12 characters, not a common one)" error={fields.password}>
        <input id="new-password" name="password" type="password" required minLength={12} maxLength={200} autoComplete="new-password" />
      </Field>
      <Field id="new-role" label="Role" error={fields.role}>
        <select id="new-role" name="role" defaultValue="reviewer">
          <option value="reviewer">Reviewer</option>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
      </Field>
      <button type="submit" className="primary">Create account</button>
    </form>
  );
}
