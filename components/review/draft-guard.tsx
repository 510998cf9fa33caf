'use client';
// Asking before typed work is dropped, and offering back work kept from an earlier visit.
import { useState } from 'react';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { RelativeTime } from '@/components/history/relative-time';
import { FIELD_LABELS, type ClaimDraft } from './use-claim-draft';

const listOf = (draft: ClaimDraft) => draft.changed.map((f) => FIELD_LABELS[f]).join(', ');

/**
 * `guard(action)` runs the action at once when nothing is typed; otherwise it asks first: keep
 * editing (the default, and what Esc answers), keep the text for later, or discard it.
 */
export function useLeaveGuard(draft: ClaimDraft, claimOrdinal: number) {
  const [pending, setPending] = useState<null | (() => void)>(null);
  const guard = (action: () => void) => {
    if (draft.isDirty) setPending(() => action);
    else action();
  };
  const prompt = (
    <ConfirmDialog
      open={pending !== null}
      title="Unsaved changes"
      cancelLabel="Keep editing"
      onCancel={() => setPending(null)}
      choices={[
        { label: 'Close, keep my text for later', onChoose: () => { draft.keep(); const go = pending; setPending(null); go?.(); } },
        { label: 'Discard my text', tone: 'danger', onChoose: () => { draft.discard(); const go = pending; setPending(null); go?.(); } },
      ]}
    >
      <p>You typed in claim {claimOrdinal} and have not saved it: <strong>{listOf(draft)}</strong>.</p>
      <p>Kept text is offered back the next time you open this claim in this browser, until you sign out.</p>
    </ConfirmDialog>
  );
  return { guard, prompt };
}

export function DraftOffer({ draft }: { draft: ClaimDraft }) {
  if (draft.offer === null) return draft.storageError ? <p className="warning" role="status">{draft.storageError}</p> : null;
  const fields = Object.keys(draft.offer.edits).filter((k) => k !== 'sourceStance') as Array<keyof typeof FIELD_LABELS>;
  return (
    <div className="warning draft-offer" role="status" data-testid="draft-offer">
      <p>
        You left unsaved text here <RelativeTime iso={draft.offer.savedAt} />: {fields.map((f) => FIELD_LABELS[f]).join(', ')}.
      </p>
      <button type="button" className="primary" onClick={draft.restore}>Restore it</button>{' '}
      <button type="button" onClick={draft.declineOffer}>Discard it</button>
    </div>
  );
}
