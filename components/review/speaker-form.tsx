'use client';
// Who a claim is attributed to (ClaimReview itemReviewed.author). A versioned write: the name typed
// here stays in the form, and in the conflict panel, when a colleague changed the claim meanwhile.
import { useEffect, useState } from 'react';
import { Field } from '@/components/ui/field';
import { useStartedVersion, type VersionedSend } from './conflict-panel';
import type { ReviewClaim } from './view-model';

export function SpeakerForm({ claim, busy, send, fields }: { claim: ReviewClaim; busy: boolean; send: VersionedSend; fields: Record<string, string> }) {
  const stored = { name: claim.speaker?.name ?? '', type: claim.speaker?.type ?? 'Person' };
  const [name, setName] = useState(stored.name);
  const [type, setType] = useState<string>(stored.type);
  const started = useStartedVersion(claim.version);
  // A saved attribution (a colleague's, live, or one's own) shows here unless this person is typing.
  useEffect(() => {
    if (started.touched()) return;
    setName(stored.name);
    setType(stored.type);
  }, [stored.name, stored.type]);
  return (
    <form
      aria-label="Attributed to"
      className="speaker"
      onSubmit={(e) => {
        e.preventDefault();
        const mine = { action: 'Save attribution', values: {}, shown: [['Name', name || '(empty: the byline)'], ['Kind', type]] as Array<[string, string]> };
        const discard = () => { started.reset(); setName(stored.name); setType(stored.type); };
        void send(`/api/claims/${claim.id}/speaker`, { name, type }, 'Attribution saved.', mine, started.version(), discard)
          .then((ok) => { if (ok) started.reset(); });
      }}
    >
      <h3>Attributed to</h3>
      <p className="hint">Published as the claim&apos;s author in ClaimReview. Empty: the article&apos;s byline.</p>
      <Field id="speaker" label="Name" error={fields.name}>
        <input id="speaker" name="speaker" value={name} maxLength={200} onChange={(e) => { started.touch(); setName(e.target.value); }} />
      </Field>
      <Field id="speakerType" label="Kind" error={fields.type}>
        <select id="speakerType" name="speakerType" value={type} onChange={(e) => { started.touch(); setType(e.target.value); }}>
          <option value="Person">Person</option>
          <option value="Organization">Organization</option>
        </select>
      </Field>
      <button type="submit" disabled={busy}>Save attribution</button>
    </form>
  );
}
