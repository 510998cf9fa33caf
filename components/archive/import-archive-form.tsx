'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FormError } from '@/components/ui/field';
import { callApi } from '@/components/ui/api-client';

export function ImportArchiveForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    const res = await callApi<{ id: string }>('/api/archive/import', { method: 'POST', body: new FormData(e.currentTarget) });
    setBusy(false);
    if (!res.ok) {
      // The message names the first problem (and how many more); the full list is in `fields`.
      setError(res.message);
      return;
    }
    router.push(`/articles/${res.data.id}`);
  }

  return (
    <form onSubmit={onSubmit} className="card" aria-label="Import a review archive">
      <FormError message={error} />
      <Field id="archive-file" label="Archive file (.json, at most 50 MB)">
        <input id="archive-file" name="file" type="file" accept=".json,application/json" required />
      </Field>
      <button type="submit" className="primary" disabled={busy}>{busy ? 'Importing…' : 'Import archive'}</button>
    </form>
  );
}
