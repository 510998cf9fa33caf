'use client';
// When a colleague changed the claim (or link) after this person opened it, the server answers 409
// with the claim as it is now. This panel shows their change beside the unsaved input, so nothing
// typed is lost: keep mine (send it again on top of their change), take theirs (drop mine), or merge
// (text fields side by side, the merged text editable, then saved). Decision 019.
import { useRef, useState } from 'react';
import type { ClaimDto, RelationDto } from '@/lib/claims/dto';
import type { ApiResult } from '@/components/ui/api-client';
import { formatExact } from '@/lib/history/time';
import { FIELD_LABELS, type DraftField } from './use-claim-draft';

/** What the person tried, in their words and values: shown as "Yours". */
export type MineInput = {
  /** "Save verdict", "Add source", "Dismiss claim", … */
  action: string;
  /** The typed fields the action would save (empty for clicks such as "Remove source"). */
  values: Partial<Record<DraftField, string>>;
  /** Fields whose text can be merged (explanation, correction, reason). */
  mergeable?: DraftField[];
  /** A click with no typed fields ("Remove the source “OPCW report”"). */
  summary?: string;
  /**
   * Input that is not part of the claim's draft, as label and value: the send-back comment, the
   * chosen assignee and due time, the attribution typed. Kept mine sends them again unchanged.
   */
  shown?: Array<[label: string, value: string]>;
};

export type Conflict = {
  mine: MineInput;
  /** The claim as a colleague left it (409 body `error.current`), or the link for link actions. */
  theirs: { kind: 'claim'; claim: ClaimDto } | { kind: 'relation'; relation: RelationDto };
  /** Sends mine again with the version the colleague's change has; `values` replaces typed fields when merged. */
  retry: (version: number, values?: Partial<Record<DraftField, string>>) => Promise<boolean>;
  /** Drops mine: clears the typed fields this action would have saved. */
  discard: () => void;
};

/**
 * Sends a click that changes the claim or a link with the version the person saw (conflict panel on
 * 409). `discard` is what "take theirs" drops of the person's input (a typed comment, a chosen assignee).
 */
export type VersionedSend = (url: string, body: Record<string, unknown>, message: string, mine: MineInput, version: number, discard?: () => void) => Promise<boolean>;

/** Reads the 409 body the API sends for a stale version: `{ error: { code: 'conflict', current } }`. */
export function conflictOf(error: Record<string, unknown> | undefined): Conflict['theirs'] | null {
  const current = error?.current as (ClaimDto | RelationDto | undefined);
  if (!current || typeof current !== 'object' || typeof current.version !== 'number') return null;
  return 'ordinal' in current ? { kind: 'claim', claim: current } : { kind: 'relation', relation: current as RelationDto };
}

/**
 * The panel's state for one screen. `onStale(res, mine, retry, discard)` opens it when `res` is the
 * 409 a stale version gets (and says whether to go on); "take theirs" also runs `tookTheirs` (the
 * screens refresh, so their change is what the page shows).
 */
export function useConflict(tookTheirs?: () => void) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  function onStale<T>(res: ApiResult<T>, mine: MineInput, retry: Conflict['retry'], discard: () => void): res is { ok: true; data: T } {
    if (res.ok) return true;
    const theirs = res.status === 409 ? conflictOf(res.error) : null;
    if (theirs) setConflict({ mine, theirs, retry, discard: () => { discard(); tookTheirs?.(); } });
    return false;
  }
  return { conflict, setConflict, onStale };
}

/**
 * The claim version a form's input started from (decision 019 addendum). A save sends it, so a
 * colleague's change that arrived live while the person was choosing meets the conflict panel
 * instead of being overwritten unread. `touched` is false until they change something.
 */
export function useStartedVersion(version: number) {
  const started = useRef<number | null>(null);
  return {
    touch: () => { started.current ??= version; },
    touched: () => started.current !== null,
    version: () => started.current ?? version,
    reset: () => { started.current = null; },
  };
}

/** The local date and time a datetime-local field holds, as the person picked it ("" when none). */
export const shownDue = (local: string) => (local ? local.replace('T', ' ') : 'no due time');

function TheirClaim({ claim }: { claim: ClaimDto }) {
  const v = claim.verdict;
  return (
    <dl className="conflict-values">
      <dt>Words</dt><dd data-testid="theirs-quote">{claim.quote}</dd>
      <dt>State</dt><dd>{claim.publicState.symbol} {claim.publicState.label}</dd>
      {v ? (
        <>
          <dt>{FIELD_LABELS.rating}</dt><dd data-testid="theirs-rating">{v.ratingName ?? v.rating} <span className="hint">by {v.author}</span></dd>
          <dt>{FIELD_LABELS.explanation}</dt><dd data-testid="theirs-explanation">{v.explanation}</dd>
          {v.correction ? <><dt>{FIELD_LABELS.correction}</dt><dd>{v.correction}</dd></> : null}
        </>
      ) : null}
      {claim.status === 'dismissed' ? <><dt>{FIELD_LABELS.dismissReason}</dt><dd data-testid="theirs-reason">{claim.dismissReason}</dd></> : null}
      <dt>Sources ({claim.sources.length})</dt>
      <dd>{claim.sources.length ? <ul>{claim.sources.map((s) => <li key={s.id}>{s.title} <span className="hint">({s.stance}, by {s.addedBy})</span></li>)}</ul> : 'none'}</dd>
      <dt>Assigned to</dt>
      <dd data-testid="theirs-assignee">{claim.assignee ? claim.assignee.name : 'nobody'}{claim.dueAt ? `, due ${formatExact(claim.dueAt)}` : ''}</dd>
      {claim.speaker ? <><dt>Attributed to</dt><dd data-testid="theirs-speaker">{claim.speaker.name} ({claim.speaker.type})</dd></> : null}
    </dl>
  );
}

function theirText(theirs: Conflict['theirs'], field: DraftField): string {
  if (theirs.kind !== 'claim') return '';
  const c = theirs.claim;
  if (field === 'explanation') return c.verdict?.explanation ?? '';
  if (field === 'correction') return c.verdict?.correction ?? '';
  if (field === 'dismissReason') return c.dismissReason ?? '';
  if (field === 'rating') return c.verdict?.rating ?? '';
  return '';
}

export function ConflictPanel({ conflict, busy, onDone }: { conflict: Conflict; busy: boolean; onDone: () => void }) {
  const { mine, theirs } = conflict;
  const version = theirs.kind === 'claim' ? theirs.claim.version : theirs.relation.version;
  const mergeable = (mine.mergeable ?? []).filter((f) => (mine.values[f] ?? '') !== theirText(theirs, f) && theirText(theirs, f) !== '');
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState<Partial<Record<DraftField, string>>>(() => Object.fromEntries(mergeable.map((f) => [f, mine.values[f] ?? ''])));

  const keepMine = async (values?: Partial<Record<DraftField, string>>) => {
    if (await conflict.retry(version, values)) onDone();
  };

  return (
    <section className="conflict" role="alert" aria-label="A colleague changed this claim" data-testid="conflict-panel">
      <h3>A colleague changed this {theirs.kind === 'claim' ? 'claim' : 'link'} while you were working on it</h3>
      <p>Nothing you typed is lost. Compare, then keep yours, take theirs{mergeable.length ? ', or merge the text' : ''}.</p>
      <div className="conflict-columns">
        <section className="conflict-theirs" aria-label="Their change (saved)">
          <h4>Theirs (saved)</h4>
          {theirs.kind === 'claim' ? <TheirClaim claim={theirs.claim} /> : <p data-testid="theirs-link">The link is now <strong>{theirs.relation.status}</strong>.</p>}
        </section>
        <section className="conflict-mine" aria-label="Your unsaved input">
          <h4>Yours (not saved): {mine.action}</h4>
          {mine.summary ? <p>{mine.summary}</p> : null}
          <dl className="conflict-values">
            {Object.entries(mine.values).filter(([, v]) => v).map(([k, v]) => (
              <div key={k}><dt>{FIELD_LABELS[k as DraftField]}</dt><dd data-testid={`mine-${k}`}>{v}</dd></div>
            ))}
            {(mine.shown ?? []).map(([label, v]) => <div key={label}><dt>{label}</dt><dd>{v}</dd></div>)}
          </dl>
        </section>
      </div>
      {merging ? (
        <div className="conflict-merge" aria-label="Merge">
          {mergeable.map((f) => (
            <div key={f} className="conflict-columns">
              <label>
                {FIELD_LABELS[f]}: theirs
                <textarea readOnly value={theirText(theirs, f)} rows={4} />
              </label>
              <label>
                {FIELD_LABELS[f]}: merged (edit)
                <textarea value={merged[f] ?? ''} rows={4} onChange={(e) => setMerged((m) => ({ ...m, [f]: e.target.value }))} />
              </label>
            </div>
          ))}
          <button type="button" className="primary" disabled={busy} onClick={() => void keepMine({ ...mine.values, ...merged })}>Save merged</button>{' '}
          <button type="button" disabled={busy} onClick={() => setMerging(false)}>Back</button>
        </div>
      ) : (
        <p className="conflict-actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void keepMine()}>Keep mine</button>{' '}
          <button type="button" disabled={busy} onClick={() => { conflict.discard(); onDone(); }}>Take theirs</button>{' '}
          {mergeable.length ? <button type="button" disabled={busy} onClick={() => setMerging(true)}>Merge</button> : null}
        </p>
      )}
    </section>
  );
}
