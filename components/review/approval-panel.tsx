'use client';
// The editor's step on a verdict (decision 018): approve it (it becomes the claim's current,
// published verdict) or send it back to review with a comment, which history keeps.
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { useStartedVersion, type VersionedSend } from './conflict-panel';
import type { ReviewClaim } from './view-model';

export function ApprovalPanel({ claim, busy, send }: { claim: ReviewClaim; busy: boolean; send: VersionedSend }) {
  const [comment, setComment] = useState('');
  // The comment is sent with the version its typing started from: a verdict arriving live meanwhile
  // meets the conflict panel rather than being sent back unread.
  const started = useStartedVersion(claim.version);
  const v = claim.verdict;
  if (!v || (claim.status !== 'reviewed' && claim.status !== 'approved')) return null;
  const waiting = claim.status === 'reviewed';
  return (
    <section aria-label="Approval" className="approval">
      <h3>{waiting ? `Approve ${v.author}'s verdict?` : 'Approved verdict'}</h3>
      {waiting ? (
        <p>
          <button type="button" className="primary" disabled={busy}
            onClick={() => void send(`/api/claims/${claim.id}/approve`, {}, 'Verdict approved.', { action: 'Approve verdict', values: {}, summary: `Approve “${v.ratingName ?? v.rating}”.` }, claim.version)}>
            Approve “{v.ratingName ?? v.rating}”
          </button>
        </p>
      ) : <p className="claim-meta">Published as “{v.ratingName ?? v.rating}”. Sending it back withdraws the approval.</p>}
      <form
        aria-label="Send back"
        onSubmit={(e) => {
          e.preventDefault();
          // Take theirs drops the typed comment (the editor chose their state); keep mine sends it again.
          // No merge: their side has no comment text to merge with (a send-back comment lives in history).
          void send(`/api/claims/${claim.id}/send-back`, { comment }, 'Sent back to review.', { action: 'Send back', values: {}, shown: [['Comment', comment]] }, started.version(), () => { started.reset(); setComment(''); })
            .then((ok) => { if (ok) { started.reset(); setComment(''); } });
        }}
      >
        <Field id="send-back-comment" label="Send back with a comment (what to check again)">
          <textarea id="send-back-comment" required maxLength={5000} rows={2} value={comment} onChange={(e) => { started.touch(); setComment(e.target.value); }} />
        </Field>
        <button type="submit" disabled={busy || !comment.trim()}>Send back</button>
      </form>
    </section>
  );
}
