'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';

/** Deactivate (ends the account's sessions at once) or reactivate one account. */
export function AccountStatusButton({ id, email, active }: { id: string; email: string; active: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    if (active && !window.confirm(`Deactivate ${email}? They are signed out everywhere at once and cannot sign in until reactivated.`)) return;
    setBusy(true);
    const res = await callApi(`/api/users/${encodeURIComponent(id)}/${active ? 'deactivate' : 'reactivate'}`, { method: 'POST' });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      return;
    }
    setError(null);
    router.refresh();
  }

  return (
    <>
      <button type="button" className="link" onClick={onClick} disabled={busy}>
        {active ? 'Deactivate' : 'Reactivate'}
      </button>
      {error ? <span className="form-error" role="alert">{error}</span> : null}
    </>
  );
}
