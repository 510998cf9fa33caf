'use client';
// A blind double check on one claim (decision 031). A reviewer sees whether each rating is in, and
// their own; the API leaves the other out until both are in. Then everyone sees both and whether they
// agree, and an editor resolves: one of the two, or their own verdict, becomes the approved verdict.
import { useState } from 'react';
import type { BlindVerdictDto } from '@/lib/claims/dto';
import { DEFAULT_SCALE_ENTRIES, type ScaleEntry } from '@/lib/verdicts/scale';
import { Field } from '@/components/ui/field';
import type { VersionedSend } from './conflict-panel';
import type { ReviewClaim } from './view-model';

function Rating({ label, v, isIn }: { label: string; v: BlindVerdictDto | null; isIn: boolean }) {
  return (
    <li>
      <strong>{label}:</strong>{' '}
      {v ? <>“{v.ratingName ?? v.rating}” by {v.author}: {v.explanation}{v.correction ? <> (correction: <ins>{v.correction}</ins>)</> : null}</>
        : isIn ? 'rated (hidden until both ratings are in)' : 'not rated yet'}
    </li>
  );
}

export function DoubleCheckPanel({ claim, canResolve, busy, send, scale = DEFAULT_SCALE_ENTRIES }: { claim: ReviewClaim; canResolve: boolean; busy: boolean; send: VersionedSend; scale?: readonly ScaleEntry[] }) {
  const [rating, setRating] = useState('');
  const [explanation, setExplanation] = useState('');
  const d = claim.doubleCheck;
  if (!d) return null;
  const resolve = (body: Record<string, unknown>, summary: string) =>
    send(`/api/claims/${claim.id}/resolve`, body, 'Double check resolved.', { action: 'Resolve double check', values: {}, summary }, claim.version);
  return (
    <section aria-label="Double check" className="double-check" data-testid="double-check">
      <h3>Blind double check</h3>
      {d.phase === 'blind' ? (
        <p className="hint">Two reviewers rate this claim independently. Neither sees the other&apos;s verdict, sources or comments until both ratings are in.</p>
      ) : null}
      <ul>
        <Rating label="First reviewer" v={d.first} isIn={d.firstIn} />
        <Rating label="Second reviewer" v={d.second} isIn={d.secondIn} />
      </ul>
      {d.agree !== null ? (
        <p className={d.agree ? 'notice' : 'warning'} data-testid="double-agreement">
          {d.agree ? '✓ The reviewers agree' : '≠ The reviewers disagree'}{d.phase === 'resolved' ? ' (resolved).' : '.'}
          {d.phase === 'both_in' && !canResolve ? ' An editor resolves it.' : ''}
        </p>
      ) : null}
      {canResolve && d.phase === 'both_in' && d.first && d.second ? (
        <div aria-label="Resolve the double check" role="group">
          <p>
            <button type="button" className="primary" disabled={busy} onClick={() => void resolve({ choose: 'first' }, `Use “${d.first!.ratingName ?? d.first!.rating}”.`)}>
              Use “{d.first.ratingName ?? d.first.rating}” ({d.first.author})
            </button>{' '}
            <button type="button" className="primary" disabled={busy} onClick={() => void resolve({ choose: 'second' }, `Use “${d.second!.ratingName ?? d.second!.rating}”.`)}>
              Use “{d.second.ratingName ?? d.second.rating}” ({d.second.author})
            </button>
          </p>
          <form
            aria-label="Resolve with my own verdict"
            onSubmit={(e) => {
              e.preventDefault();
              void resolve({ rating, explanation }, `Resolve as “${scale.find((e) => e.key === rating)?.name ?? rating}”.`);
            }}
          >
            <Field id="resolve-rating" label="Or your own rating">
              <select id="resolve-rating" value={rating} onChange={(e) => setRating(e.target.value)} required>
                <option value="" disabled>Choose…</option>
                {scale.filter((e) => !e.retired).map((e) => <option key={e.key} value={e.key}>{e.name}</option>)}
              </select>
            </Field>
            <Field id="resolve-explanation" label="Your explanation">
              <textarea id="resolve-explanation" rows={2} required maxLength={5000} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
            </Field>
            <button type="submit" disabled={busy || !rating || !explanation.trim()}>Resolve with my verdict</button>
          </form>
        </div>
      ) : null}
    </section>
  );
}
