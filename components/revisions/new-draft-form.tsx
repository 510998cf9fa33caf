'use client';
// "New draft": paste or upload the revised article. The server re-anchors every claim; the result
// says what happened to them (kept, wording changed, removed, new) before the page reloads them.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Field, FormError } from '@/components/ui/field';

type Result = { revision: { number: number }; kept: number; stale: number; removed: number; new: number };

export function NewDraftForm({ articleId, revision }: { articleId: string; revision: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  return (
    <details className="card new-draft">
      <summary>Load a new draft</summary>
      <form
        aria-label="Load a new draft"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const body = new FormData(form);
          body.set('basedOn', String(revision));
          setBusy(true); setError(null); setResult(null);
          const res = await callApi<Result>(`/api/articles/${articleId}/revisions`, { method: 'POST', body });
          setBusy(false);
          if (!res.ok) { setError(res.message); setFields(res.fields ?? {}); return; }
          setFields({});
          setResult(res.data);
          form.reset();
          router.refresh();
        }}
      >
        <p className="hint">Verdicts stay on sentences whose wording is unchanged; changed sentences are marked to check again; removed ones keep their history.</p>
        <FormError message={error} />
        {result ? (
          <p className="notice" role="status" data-testid="draft-result">
            Draft {result.revision.number} loaded: {result.kept} kept, {result.stale} changed (check again), {result.removed} removed, {result.new} new.
          </p>
        ) : null}
        <Field id="draft-text" label="New draft text" error={fields.text} hint="Leave empty when uploading a file.">
          <textarea id="draft-text" name="text" rows={10} />
        </Field>
        <Field id="draft-format" label="The pasted text is" error={fields.format}>
          <select id="draft-format" name="format" defaultValue="text">
            <option value="text">Plain text</option>
            <option value="markdown">Markdown (kept as written)</option>
            <option value="html">HTML (converted to text)</option>
          </select>
        </Field>
        <Field id="draft-file" label="…or upload a file" error={fields.file}>
          <input id="draft-file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx" />
        </Field>
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Re-checking claims against the new draft…' : 'Load new draft'}</button>
      </form>
    </details>
  );
}
