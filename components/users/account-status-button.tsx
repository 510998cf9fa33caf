'use client';
import { useAccountAction } from './use-account-action';

/** Deactivate (ends the account's sessions at once) or reactivate one account. */
export function AccountStatusButton({ id, email, active }: { id: string; email: string; active: boolean }) {
  const { run, busy, error } = useAccountAction();

  async function onClick() {
    if (active && !window.confirm(`Deactivate ${email}? They are signed out everywhere at once and cannot sign in until reactivated.`)) return;
    await run(`/api/users/${encodeURIComponent(id)}/${active ? 'deactivate' : 'reactivate'}`, { method: 'POST' });
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
