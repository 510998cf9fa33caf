'use client';
// A claim's sources and the form to add one. The form's fields live in the claim's draft, so a
// source filled in but not added is saved with the verdict (claim-dialog.tsx) instead of vanishing.
import type { SourceDto } from '@/lib/claims/dto';
import { Field } from '@/components/ui/field';
import type { ClaimDraft } from './use-claim-draft';

export function SourcesSection({ sources, draft, fields, busy, onAdd, onRemove }: {
  sources: SourceDto[]; draft: ClaimDraft; fields: Record<string, string>; busy: boolean;
  onAdd: () => void; onRemove: (source: SourceDto) => void;
}) {
  const v = draft.values;
  return (
    <section aria-label="Sources">
      <h3>Sources ({sources.length})</h3>
      {sources.length === 0 ? <p className="empty">No sources yet. A verdict needs at least one before export.</p> : null}
      <ul className="sources">
        {sources.map((s) => (
          <li key={s.id}>
            <a href={s.url} target="_blank" rel="noopener noreferrer">{s.title}</a> <span className={`stance stance-${s.stance}`}>{s.stance}</span>
            {s.quote ? <q>{s.quote}</q> : null}
            <button type="button" className="link danger" disabled={busy} onClick={() => onRemove(s)}>
              Remove<span className="sr-only"> {s.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <form
        aria-label="Add a source"
        onSubmit={(e) => {
          e.preventDefault();
          onAdd();
        }}
      >
        <Field id="source-url" label="Source URL" error={fields.url}>
          <input id="source-url" name="url" type="url" required placeholder="https://" value={v.sourceUrl} onChange={(e) => draft.set('sourceUrl', e.target.value)} />
        </Field>
        <Field id="source-title" label="Source title" error={fields.title}>
          <input id="source-title" name="title" required value={v.sourceTitle} onChange={(e) => draft.set('sourceTitle', e.target.value)} />
        </Field>
        <Field id="source-quote" label="Quoted passage" error={fields.quote}>
          <textarea id="source-quote" name="quote" rows={2} value={v.sourceQuote} onChange={(e) => draft.set('sourceQuote', e.target.value)} />
        </Field>
        <Field id="source-stance" label="Stance" error={fields.stance}>
          <select id="source-stance" name="stance" value={v.sourceStance} onChange={(e) => draft.set('sourceStance', e.target.value)}>
            <option value="supports">Supports the claim</option>
            <option value="refutes">Refutes the claim</option>
            <option value="context">Context</option>
          </select>
        </Field>
        <button type="submit" disabled={busy}>Add source</button>
      </form>
    </section>
  );
}

/** The source fields as the API takes them; null when nothing was typed. */
export function pendingSource(v: ClaimDraft['values']): { url: string; title: string; quote?: string; stance: string } | null {
  if (!v.sourceUrl.trim() && !v.sourceTitle.trim() && !v.sourceQuote.trim()) return null;
  return { url: v.sourceUrl, title: v.sourceTitle, quote: v.sourceQuote || undefined, stance: v.sourceStance };
}
