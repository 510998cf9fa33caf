'use client';
// Who owns a claim and when it is due, and (for editors) the form to hand it to someone else.
// The assignment is a versioned write: a stale dialog gets the conflict panel with who has the claim
// now beside the colleague and due time chosen here (decision 019).
import { useEffect, useState } from 'react';
import type { Mentionable } from '@/lib/comments/mentions';
import { Field } from '@/components/ui/field';
import { RelativeTime } from '@/components/history/relative-time';
import { shownDue, useStartedVersion, type VersionedSend } from './conflict-panel';
import type { ReviewClaim } from './view-model';

/** `doubleCheck`: the article's "two independent verdicts" setting (decision 031). */
export type DeskContext = { members: Mentionable[]; canAssign: boolean; doubleCheck?: boolean };

/** A datetime-local value (the browser's own time zone) as an ISO instant, or null when empty. */
export function dueFromLocal(value: string): string | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function ClaimAssignment({ claim, desk, busy, send, fields }: {
  claim: ReviewClaim; desk: DeskContext; busy: boolean; send: VersionedSend; fields: Record<string, string>;
}) {
  const owner = claim.assignee?.id ?? '';
  const [reviewerId, setReviewerId] = useState(owner);
  const [due, setDue] = useState('');
  const started = useStartedVersion(claim.version);
  // A colleague's reassignment arriving live shows in the form, unless this person is choosing.
  useEffect(() => {
    if (!started.touched()) setReviewerId(owner);
  }, [owner]);
  const name = (id: string) => desk.members.find((m) => m.id === id)?.name || desk.members.find((m) => m.id === id)?.email || id;
  const [secondId, setSecondId] = useState(claim.secondAssignee?.id ?? '');
  const pair = desk.doubleCheck || claim.secondAssignee !== null;
  return (
    <section aria-label="Assignment" className="assignment">
      <h3>Assignment</h3>
      <p data-testid="assignee">
        {claim.assignee ? <>Assigned to <strong>{claim.assignee.name}</strong></> : 'Nobody owns this claim yet.'}
        {claim.dueAt ? <>, due <RelativeTime iso={claim.dueAt} /></> : null}
        {claim.secondAssignee ? <> and, blind, to <strong data-testid="second-assignee">{claim.secondAssignee.name}</strong></> : null}
      </p>
      {desk.canAssign ? (
        <form
          aria-label="Assign the claim"
          onSubmit={(e) => {
            e.preventDefault();
            const mine = { action: 'Assign', values: {}, shown: [['Assign to', name(reviewerId)], ['Due', shownDue(due)], ...(pair ? [['Second reviewer', secondId ? name(secondId) : 'none'] as [string, string]] : [])] as Array<[string, string]> };
            // Take theirs: the form shows who has the claim now, and forgets the due time typed.
            const discard = () => { started.reset(); setReviewerId(owner); setSecondId(claim.secondAssignee?.id ?? ''); setDue(''); };
            void send(`/api/claims/${claim.id}/assign`, { reviewerId, due: dueFromLocal(due), ...(pair ? { secondReviewerId: secondId || null } : {}) }, 'Claim assigned.', mine, started.version(), discard)
              .then((ok) => { if (ok) { started.reset(); setDue(''); } });
          }}
        >
          <Field id={`assignee-${claim.id}`} label="Assign to" error={fields.reviewerId}>
            <select id={`assignee-${claim.id}`} required value={reviewerId} onChange={(e) => { started.touch(); setReviewerId(e.target.value); }}>
              <option value="">Choose a colleague…</option>
              {desk.members.map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}
            </select>
          </Field>
          {pair ? (
            <Field id={`second-${claim.id}`} label="Second reviewer (rates blind)" error={fields.secondReviewerId}>
              <select id={`second-${claim.id}`} value={secondId} onChange={(e) => { started.touch(); setSecondId(e.target.value); }}>
                <option value="">None: one reviewer</option>
                {desk.members.map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}
              </select>
            </Field>
          ) : null}
          <Field id={`due-${claim.id}`} label="Due (optional)" error={fields.due}>
            <input id={`due-${claim.id}`} type="datetime-local" value={due} onChange={(e) => { started.touch(); setDue(e.target.value); }} />
          </Field>
          <button type="submit" disabled={busy || !reviewerId}>Assign</button>
        </form>
      ) : null}
    </section>
  );
}
