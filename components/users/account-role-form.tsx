'use client';
import { useState } from 'react';
import { useAccountAction } from './use-account-action';

const ROLE_LABELS = { reviewer: 'Reviewer', editor: 'Editor', admin: 'Admin' } as const;

/** Changes one account's role; the account is signed out so the new role applies at once. */
export function AccountRoleForm({ id, email, role }: { id: string; email: string; role: string }) {
  const { run, busy, error } = useAccountAction();
  const [choice, setChoice] = useState(role);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (choice === role) return;
    if (!window.confirm(`Make ${email} ${choice}? They are signed out everywhere and sign in again with the new role.`)) return;
    await run(`/api/users/${encodeURIComponent(id)}/role`, { method: 'POST', body: JSON.stringify({ role: choice }) });
  }

  return (
    <form onSubmit={onSubmit} className="inline-form">
      <select aria-label={`Role of ${email}`} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={busy}>
        {Object.entries(ROLE_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>{' '}
      {choice !== role ? <button type="submit" className="link" disabled={busy}>Change role</button> : null}
      {error ? <span className="form-error" role="alert">{error}</span> : null}
    </form>
  );
}
