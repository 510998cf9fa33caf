'use client';
// The verdict form. Its fields live in the claim's draft (use-claim-draft.ts): prefilled from the
// current verdict, kept across reloads, and checked for unsaved work before the dialog closes.
import { DEFAULT_SCALE_ENTRIES, ratingSlug, SCALE_ICONS, type ScaleEntry } from '@/lib/verdicts/scale';
import { Field } from '@/components/ui/field';
import type { ClaimDraft } from './use-claim-draft';

export function VerdictForm({ scale = DEFAULT_SCALE_ENTRIES, hasVerdict, draft, fields, busy, onSave }: {
  scale?: readonly ScaleEntry[]; hasVerdict: boolean; draft: ClaimDraft; fields: Record<string, string>; busy: boolean; onSave: () => void;
}) {
  const v = draft.values;
  // Retired ratings are not offered; one the claim already carries stays visible (and unselectable
  // again) so the prefilled form shows the verdict as it is (decision 032).
  const choices = scale.filter((e) => !e.retired || e.key === v.rating);
  const chosen = scale.find((e) => e.key === v.rating);
  return (
    <form
      aria-label="Verdict"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3>{hasVerdict ? 'Change the verdict' : 'Verdict'}</h3>
      <Field id="rating" label="Rating" error={fields.rating} hint={chosen ? <RatingMark entry={chosen} /> : undefined}>
        <select id="rating" name="rating" value={v.rating} onChange={(e) => draft.set('rating', e.target.value)} required>
          <option value="" disabled>Choose…</option>
          {choices.map((e) => (
            <option key={e.key} value={e.key} disabled={e.retired}>{e.name}{e.retired ? ' (retired: choose another)' : ''}</option>
          ))}
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

/** The chosen rating's mark as readers will see it, so colour and symbol are never a surprise. */
function RatingMark({ entry }: { entry: ScaleEntry }) {
  return <><span className={`state-symbol state-${ratingSlug(entry.key)}`} aria-hidden="true">{SCALE_ICONS[entry.icon]}</span> shown as {entry.name}</>;
}
