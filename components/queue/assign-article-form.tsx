'use client';
// Editors hand a whole article to one reviewer: every claim still waiting goes to them.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Mentionable } from '@/lib/comments/mentions';
import { callApi } from '@/components/ui/api-client';
import { Field, FormError } from '@/components/ui/field';
import { dueFromLocal } from '@/components/review/claim-assignment';

export function AssignArticleForm({ articleId, members, current, doubleCheck = false }: {
  articleId: string; members: Mentionable[]; current: string | null; doubleCheck?: boolean;
}) {
  const router = useRouter();
  const [reviewerId, setReviewerId] = useState(current ?? '');
  // With "two independent verdicts" on (decision 031) every waiting claim can get a second, blind reviewer.
  const [secondId, setSecondId] = useState('');
  const [due, setDue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <form
      aria-label="Assign the article"
      className="assign-article"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const res = await callApi<{ assigned: number; assignee: { name: string }; note: string | null }>(`/api/articles/${articleId}/assign`, {
          method: 'POST', body: JSON.stringify({ reviewerId, due: dueFromLocal(due), ...(doubleCheck && secondId ? { secondReviewerId: secondId } : {}) }),
        });
        setBusy(false);
        if (!res.ok) return setError(res.message);
        setNotice(`${res.data.assigned} claims assigned to ${res.data.assignee.name}.${res.data.note ? ` ${res.data.note}` : ''}`);
        router.refresh();
      }}
    >
      <h2>Assign the article</h2>
      <p className="hint">Every claim still open or in review goes to one reviewer; new sentences in later drafts too.</p>
      <FormError message={error} />
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      <Field id="article-assignee" label="Reviewer">
        <select id="article-assignee" required value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
          <option value="">Choose a colleague…</option>
          {members.map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}
        </select>
      </Field>
      {doubleCheck ? (
        <Field id="article-second" label="Second reviewer (rates blind, optional)">
          <select id="article-second" value={secondId} onChange={(e) => setSecondId(e.target.value)}>
            <option value="">None: one reviewer</option>
            {members.map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}
          </select>
        </Field>
      ) : null}
      <Field id="article-due" label="Due (optional)">
        <input id="article-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </Field>
      <button type="submit" disabled={busy || !reviewerId}>Assign article</button>
    </form>
  );
}
