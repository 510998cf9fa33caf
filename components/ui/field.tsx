import type { ReactNode } from 'react';

/** A labelled form control with its error message wired to aria-describedby. */
export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="field-error" id={`${id}-error`} role="status">{error}</p> : null}
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  return message ? <p className="form-error" role="alert" data-testid="form-error">{message}</p> : null;
}
