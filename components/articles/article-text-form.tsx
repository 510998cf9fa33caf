'use client';
// The one form that loads an article's words: for a new article (components/articles/new-article-form)
// and for a new draft of one (components/revisions/new-draft-form). Paste plain text, Markdown or
// HTML, or upload a file; the server finds the claims meanwhile, so the form shows a clock.
import { useEffect, useState, type ReactNode } from 'react';
import { callApi } from '@/components/ui/api-client';
import { Field, FormError } from '@/components/ui/field';

type Props<T> = {
  label: string;
  action: string;
  className?: string;
  /** Field ids: the draft form shares its page with other forms, so its ids carry a prefix. */
  idPrefix?: string;
  textLabel: string;
  rows: number;
  submitLabel: string;
  busyLabel: string;
  /** Extra values sent with the form (the draft a new draft is based on). */
  extra?: Record<string, string>;
  /** Above the error message: heading and explanation. */
  intro: ReactNode;
  /** Between the error message and the text: further fields (title, byline) or the last result. */
  lead?: (errors: Record<string, string>) => ReactNode;
  onLoaded: (data: T, form: HTMLFormElement) => void;
};

export function ArticleTextForm<T>({ label, action, className, idPrefix = '', textLabel, rows, submitLabel, busyLabel, extra = {}, intro, lead, onLoaded }: Props<T>) {
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
    const form = e.currentTarget;
    const body = new FormData(form);
    for (const [name, value] of Object.entries(extra)) body.set(name, value);
    setBusy(true);
    setError(null);
    const res = await callApi<T>(action, { method: 'POST', body });
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields ?? {});
      return;
    }
    setFields({});
    onLoaded(res.data, form);
  }

  const id = (name: string) => `${idPrefix}${name}`;
  return (
    <form onSubmit={onSubmit} className={className} aria-label={label}>
      {intro}
      <FormError message={error} />
      {lead?.(fields)}
      <Field id={id('text')} label={textLabel} error={fields.text} hint="Leave empty when uploading a file.">
        <textarea id={id('text')} name="text" rows={rows} />
      </Field>
      <Field id={id('format')} label="The pasted text is" error={fields.format}>
        <select id={id('format')} name="format" defaultValue="text">
          <option value="text">Plain text</option>
          <option value="markdown">Markdown (kept as written)</option>
          <option value="html">HTML (converted to text; scripts and styles removed)</option>
        </select>
      </Field>
      <Field id={id('file')} label="…or upload a file" error={fields.file}>
        <input id={id('file')} name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,.docx" />
      </Field>
      <button type="submit" className="primary" disabled={busy}>{busy ? busyLabel : submitLabel}</button>
      {busy ? (
        <p className="hint" role="status" data-testid="extraction-progress">
          {/* The clock is hidden from screen readers: a live region that changes every second is noise. */}
          Finding claims… <span aria-hidden="true">{elapsed} s</span>
        </p>
      ) : null}
    </form>
  );
}
