'use client';
// The dashboard's one-click reassignment of an overdue claim: pick a colleague, press Reassign.
// Sends the claim's version like every claim write; when a colleague changed the claim first, the
// conflict panel shows who has it now beside the choice made here (decision 019).
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Mentionable } from '@/lib/comments/mentions';
import { callApi } from '@/components/ui/api-client';
import { ConflictPanel, conflictOf, useConflict } from '@/components/review/conflict-panel';

export function ReassignButton({ claimId, ordinal, version, members, current }: {
  claimId: string; ordinal: number; version: number; members: Mentionable[]; current: string | null;
}) {
  const router = useRouter();
  const [reviewerId, setReviewerId] = useState(members.find((m) => m.id !== current)?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const { conflict, setConflict, onStale } = useConflict(() => router.refresh());

  async function reassign(seen: number, to = reviewerId): Promise<boolean> {
    setBusy(true);
    setMessage(null);
    // A reassigned claim gets a fresh start: no due time carried over from the missed one.
    const res = await callApi(`/api/claims/${claimId}/assign`, { method: 'POST', body: JSON.stringify({ reviewerId: to, due: null, version: seen }) });
    setBusy(false);
    const who = members.find((m) => m.id === to);
    const mine = { action: `Reassign claim ${ordinal}`, values: {}, shown: [['Reassign to', who?.name || who?.email || to], ['Due', 'no due time']] as Array<[string, string]> };
    if (!onStale(res, mine, (v) => reassign(v, to), () => undefined)) {
      if (res.status !== 409 || !conflictOf(res.error)) setMessage(res.message);
      return false;
    }
    setMessage('Reassigned.');
    router.refresh();
    return true;
  }

  return (
    // A div, not a span: the conflict panel it may hold is a section.
    <div className="reassign">
      <label className="sr-only" htmlFor={`reassign-${claimId}`}>Reassign claim {ordinal} to</label>
      <select id={`reassign-${claimId}`} value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
        {members.map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}
      </select>{' '}
      <button type="button" disabled={busy || !reviewerId} onClick={() => { setConflict(null); void reassign(version); }}>
        Reassign<span className="sr-only"> claim {ordinal}</span>
      </button>
      {message ? <span role="status" className="hint"> {message}</span> : null}
      {conflict ? <ConflictPanel conflict={conflict} busy={busy} onDone={() => setConflict(null)} /> : null}
    </div>
  );
}
