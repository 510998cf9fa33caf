'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Field, FormError } from '@/components/ui/field';
import { callApi } from '@/components/ui/api-client';

export function NewArticleForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);

  // A long draft takes seconds to analyse; a visible clock tells the editor the desk is working.
  useEffect(() => {
    if (!busy) return;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [busy]);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await callApi<{ id: string }>('/api/articles', { method: 'POST', body: new FormData(e.currentTarget) });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields ?? {});
      return;
    }
    router.push(`/articles/${res.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="card" aria-label="Load an article">
      <h1>Load an article</h1>
      <p>Paste the draft or upload a .txt, .md, .html or .docx file (1 MB of text at most). Claims are found as it loads; a long draft takes a few seconds.</p>
      <FormError message={error} />
      <Field id="title" label="Title" error={fields.title}><input id="title" name="title" required maxLength={300} /></Field>
      <Field id="byline" label="Byline" error={fields.byline}><input id="byline" name="byline" maxLength={300} /></Field>
      <Field id="text" label="Article text" error={fields.text} hint="Leave empty when uploading a file.">
        <textarea id="text" name="text" rows={14} />
      </Field>
      <Field id="format" label="The pasted text is" error={fields.format}>
        <select id="format" name="format" defaultValue="text">
          <option value="text">Plain text</option>
          <option value="markdown">Markdown (kept as written)</option>
          <option value="html">HTML (converted to text; scripts and styles removed)</option>
        </select>
      </Field>
      <Field id="file" label="…or upload a file" error={fields.file}>
        <input id="file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx" />
      </Field>
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Loading and finding claims…' : 'Load article'}</button>
      {busy ? (
        <p className="hint" role="status" data-testid="extraction-progress">
          {/* The clock is hidden from screen readers: a live region that changes every second is noise. */}
          Finding claims… <span aria-hidden="true">{elapsed} s</span>
        </p>
      ) : null}
    </form>
  );
}
