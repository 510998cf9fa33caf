'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';

const ROLE_LABELS = { reviewer: 'Reviewer', editor: 'Editor', admin: 'Admin' } as const;

/** Changes one account's role; the account is signed out so the new role applies at once. */
export function AccountRoleForm({ id, email, role }: { id: string; email: string; role: string }) {
  const router = useRouter();
  const [choice, setChoice] = useState(role);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (choice === role) return;
    if (!window.confirm(`Make ${email} ${choice}? They are signed out everywhere and sign in again with the new role.`)) return;
    setBusy(true);
    const res = await callApi(`/api/users/${encodeURIComponent(id)}/role`, { method: 'POST', body: JSON.stringify({ role: choice }) });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setError(null);
    router.refresh();
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
