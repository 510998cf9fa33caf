'use client';
// The verdict form. Its fields live in the claim's draft (use-claim-draft.ts): prefilled from the
// current verdict, kept across reloads, and checked for unsaved work before the dialog closes.
import { RATINGS } from '@/lib/verdicts/scale';
import { Field } from '@/components/ui/field';
import type { ClaimDraft } from './use-claim-draft';

export function VerdictForm({ hasVerdict, draft, fields, busy, onSave }: {
  hasVerdict: boolean; draft: ClaimDraft; fields: Record<string, string>; busy: boolean; onSave: () => void;
}) {
  const v = draft.values;
  return (
    <form
      aria-label="Verdict"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3>{hasVerdict ? 'Change the verdict' : 'Verdict'}</h3>
      <Field id="rating" label="Rating" error={fields.rating}>
        <select id="rating" name="rating" value={v.rating} onChange={(e) => draft.set('rating', e.target.value)} required>
          <option value="" disabled>Choose…</option>
          {RATINGS.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </Field>
      <Field id="explanation" label="Explanation" error={fields.explanation}>
        <textarea id="explanation" name="explanation" rows={3} required maxLength={5000} value={v.explanation} onChange={(e) => draft.set('explanation', e.target.value)} />
      </Field>
      <Field id="correction" label="Correction (what the sentence should say)" error={fields.correction}>
        <textarea id="correction" name="correction" rows={2} maxLength={5000} value={v.correction} onChange={(e) => draft.set('correction', e.target.value)} />
      </Field>
      <button type="submit" className="primary" disabled={busy}>Save verdict</button>
    </form>
  );
}
