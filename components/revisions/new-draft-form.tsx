'use client';
// "New draft": paste or upload the revised article. The server re-anchors every claim; the result
// says what happened to them (kept, wording changed, removed, new) before the page reloads them.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ArticleTextForm } from '@/components/articles/article-text-form';

type Result = { revision: { number: number }; kept: number; stale: number; removed: number; new: number };

export function NewDraftForm({ articleId, revision }: { articleId: string; revision: number }) {
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(null);

  return (
    <details className="card new-draft">
      <summary>Load a new draft</summary>
      <ArticleTextForm<Result>
        label="Load a new draft"
        action={`/api/articles/${articleId}/revisions`}
        idPrefix="draft-"
        textLabel="New draft text"
        rows={10}
        submitLabel="Load new draft"
        busyLabel="Re-checking claims against the new draft…"
        extra={{ basedOn: String(revision) }}
        intro={<p className="hint">Verdicts stay on sentences whose wording is unchanged; changed sentences are marked to check again; removed ones keep their history.</p>}
        lead={() => result ? (
          <p className="notice" role="status" data-testid="draft-result">
            Draft {result.revision.number} loaded: {result.kept} kept, {result.stale} changed (check again), {result.removed} removed, {result.new} new.
          </p>
        ) : null}
        onLoaded={(data, form) => {
          setResult(data);
          form.reset();
          router.refresh();
        }}
      />
    </details>
  );
}
