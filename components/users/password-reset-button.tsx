'use client';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';

/**
 * Resets one account's password to a random temporary one, shown here once: the server keeps only
 * its hash, so closing the page loses it (reset again).
 */
export function PasswordResetButton({ id, email }: { id: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [temporary, setTemporary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick() {
    if (!window.confirm(`Reset the password of ${email}? Their current password stops working and they are signed out everywhere.`)) return;
    setBusy(true);
    const res = await callApi<{ temporaryPassword: string }>(`/api/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      setTemporary(null);
      return;
    }
    setError(null);
    setTemporary(res.data.temporaryPassword);
  }

  return (
    <>
      <button type="button" className="link" onClick={onClick} disabled={busy}>Reset password</button>
      {temporary ? (
        <p className="notice" role="status">
          Temporary password for {email}: <code data-testid="temporary-password">{temporary}</code>. Give it to them directly; it is
          shown only this once.
        </p>
      ) : null}
      {error ? <span className="form-error" role="alert">{error}</span> : null}
    </>
  );
}
