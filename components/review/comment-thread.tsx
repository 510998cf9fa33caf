'use client';
// A claim's comment thread in its dialog (issue 10 item 5). Bodies are colleagues' own text: React
// renders them as text (never as HTML), and @mentions are shown from the server's list, not parsed
// into markup here.
import { useCallback, useEffect, useState } from 'react';
import type { CommentDto } from '@/lib/comments/dto';
import { COMMENT_MAX } from '@/lib/comments/limits';
import { callApi } from '@/components/ui/api-client';
import { Field, FormError } from '@/components/ui/field';
import { RelativeTime } from '@/components/history/relative-time';
import type { ClaimActions } from './use-claim-actions';
import type { VersionedSend } from './conflict-panel';

export function CommentThread({ claimId, version, actions, send }: { claimId: string; version: number; actions: ClaimActions; send: VersionedSend }) {
  const [comments, setComments] = useState<CommentDto[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [body, setBody] = useState('');

  const reload = useCallback(async () => {
    const res = await callApi<{ comments: CommentDto[] }>(`/api/claims/${claimId}/comments`);
    if (res.ok) {
      setComments(res.data.comments);
      setLoadError(null);
    } else setLoadError(`The comments could not be loaded: ${res.message}`);
  }, [claimId]);

  // Reload when the claim's version moves: a colleague's resolve shows up with the page refresh.
  useEffect(() => { void reload(); }, [reload, version]);

  async function post() {
    const res = await actions.request(`/api/claims/${claimId}/comments`, { method: 'POST', body: JSON.stringify({ body }) });
    if (!res.ok) return;
    setBody('');
    await reload();
    const mentioned = (res.data as CommentDto).mentions.map((m) => m.name);
    actions.done(mentioned.length ? `Comment added; ${mentioned.join(', ')} will see it in their queue.` : 'Comment added.');
  }

  // Resolving is a versioned write on the claim: a stale page gets the conflict panel (the claim as
  // a colleague left it beside this click); the thread reloads when the claim's version moves.
  async function resolve(c: CommentDto) {
    const excerpt = c.body.length > 120 ? `${c.body.slice(0, 117)}…` : c.body;
    await send(`/api/comments/${c.id}/resolve`, {}, 'Comment resolved.', { action: 'Resolve comment', values: {}, summary: `Resolve ${c.author}'s comment “${excerpt}”.` }, version);
  }

  const open = comments?.filter((c) => !c.resolvedAt).length ?? 0;
  return (
    <section aria-labelledby={`comments-${claimId}`} className="comments">
      <h3 id={`comments-${claimId}`}>Comments{comments ? ` (${open} open)` : ''}</h3>
      <FormError message={loadError} />
      {comments === null && !loadError ? <p className="hint">Loading comments…</p> : null}
      {comments?.length === 0 ? <p className="empty">No comments yet. Ask a colleague with @ and their name or email.</p> : null}
      <ol className="comment-list" aria-label="Comments">
        {comments?.map((c) => (
          <li key={c.id} className={c.resolvedAt ? 'comment resolved' : 'comment'} data-testid="comment">
            <p className="claim-meta"><strong>{c.author}</strong>, <RelativeTime iso={c.createdAt} />
              {c.mentions.length ? <> · to {c.mentions.map((m) => m.name).join(', ')}</> : null}
              {c.resolvedAt ? <> · resolved by {c.resolvedBy}</> : null}
            </p>
            <p className="comment-body">{c.body}</p>
            {!c.resolvedAt ? (
              <button type="button" className="link" disabled={actions.busy} onClick={() => void resolve(c)}>
                Resolve<span className="sr-only"> the comment by {c.author}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      <form aria-label="Add a comment" onSubmit={(e) => { e.preventDefault(); void post(); }}>
        <Field id={`comment-body-${claimId}`} label="Comment" hint="Mention a colleague with @ and their name or email: they will see it in My queue.">
          <textarea id={`comment-body-${claimId}`} rows={2} required maxLength={COMMENT_MAX} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        <button type="submit" disabled={actions.busy || !body.trim()}>Add comment</button>
      </form>
    </section>
  );
}
