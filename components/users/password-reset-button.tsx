'use client';
import { useState } from 'react';
import { useAccountAction } from './use-account-action';

/**
 * Resets one account's password to a random temporary one, shown here once: the server keeps only
 * its hash, so closing the page loses it (reset again). The person must replace it at sign-in.
 */
export function PasswordResetButton({ id, email }: { id: string; email: string }) {
  const { run, busy, error } = useAccountAction();
  const [temporary, setTemporary] = useState<{ password: string; expiresAt: string } | null>(null);

  async function onClick() {
    if (!window.confirm(`Reset the password of ${email}? Their current password stops working and they are signed out everywhere.`)) return;
    setTemporary(null);
    const data = await run<{ temporaryPassword: string; expiresAt: string }>(`/api/users/${encodeURIComponent(id)}/password-reset`, { method: 'POST' }, { refresh: false });
    if (data) setTemporary({ password: data.temporaryPassword, expiresAt: data.expiresAt });
  }

  return (
    <>
      <button type="button" className="link" onClick={onClick} disabled={busy}>Reset password</button>
      {temporary ? (
        <p className="notice" role="status">
          Temporary password for {email}: <code data-testid="temporary-password">{temporary.password}</code>. Give it to them directly; it is
          shown only this once, and they choose their own when they sign in with it. It stops working
          on <time dateTime={temporary.expiresAt}>{temporary.expiresAt.slice(0, 16).replace('T', ' at ')} UTC</time>.
        </p>
      ) : null}
      {error ? <span className="form-error" role="alert">{error}</span> : null}
    </>
  );
}
