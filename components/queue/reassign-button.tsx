'use client';
// The dashboard's one-click reassignment of an overdue claim: pick a colleague, press Reassign.
// Sends the claim's version like every claim write; a 409 says a colleague got there first.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Mentionable } from '@/lib/comments/mentions';
import { callApi } from '@/components/ui/api-client';

export function ReassignButton({ claimId, ordinal, version, members, current }: {
  claimId: string; ordinal: number; version: number; members: Mentionable[]; current: string | null;
}) {
  const router = useRouter();
  const [reviewerId, setReviewerId] = useState(members.find((m) => m.id !== current)?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="reassign">
      <label className="sr-only" htmlFor={`reassign-${claimId}`}>Reassign claim {ordinal} to</label>
      <select id={`reassign-${claimId}`} value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
        {members.map((m) => <option key={m.id} value={m.id}>{m.name || m.email}</option>)}
      </select>{' '}
      <button
        type="button"
        disabled={busy || !reviewerId}
        onClick={async () => {
          setBusy(true);
          // A reassigned claim gets a fresh start: no due time carried over from the missed one.
          const res = await callApi(`/api/claims/${claimId}/assign`, { method: 'POST', body: JSON.stringify({ reviewerId, due: null, version }) });
          setBusy(false);
          setMessage(res.ok ? 'Reassigned.' : res.message);
          if (res.ok) router.refresh();
        }}
      >
        Reassign<span className="sr-only"> claim {ordinal}</span>
      </button>
      {message ? <span role="status" className="hint"> {message}</span> : null}
    </span>
  );
}
