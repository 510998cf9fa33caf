'use client';
import type { RelationDto, SourceDto } from '@/lib/claims/dto';
import type { ReviewClaim } from './view-model';
import { stateClass, stateLabel, stateSymbol } from '@/lib/verdicts/display';
import type { ScaleEntry } from '@/lib/verdicts/scale';
import { Dialog } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import { RelativeTime } from '@/components/history/relative-time';
import { ArchiveMatches, ClaimRelations } from './claim-links';
import { ClaimEditing } from './claim-editing';
import { DraftOffer, useLeaveGuard } from './draft-guard';
import { SourcesSection, pendingSource } from './sources-section';
import { DISMISS_FIELDS, SOURCE_FIELDS, VERDICT_FIELDS, useClaimDraft } from './use-claim-draft';
import { useClaimActions } from './use-claim-actions';
import { VerdictForm } from './verdict-form';
import { ClaimAssignment, type DeskContext } from './claim-assignment';
import { SpeakerForm } from './speaker-form';
import { CommentThread } from './comment-thread';
import { ApprovalPanel } from './approval-panel';
import { DoubleCheckPanel } from './double-check-panel';
import { ConflictPanel, useConflict, type Conflict, type MineInput, type VersionedSend } from './conflict-panel';
import { useEffect, useRef, useState } from 'react';
import type { ApiResult } from '@/components/ui/api-client';

type Props = {
  /** Editors and admins approve verdicts or send them back. */
  canApprove?: boolean;
  claim: ReviewClaim; quote: string; claims: ReviewClaim[]; relations: RelationDto[];
  onClose: () => void; onOpenClaim: (id: string) => void;
  /** The article text: correcting the claim's span needs the words around it. */
  text?: string;
  /** Puts focus back on the claim in the list or the text once the dialog has closed. */
  onCloseAutoFocus: (event: Event) => void;
  /** Colleagues to assign to, and whether this person may (editors and up). */
  desk?: DeskContext;
  /** The configured verdict scale: the rating choices (decision 032). */
  scale?: ScaleEntry[];
};

export function ClaimDialog({ canApprove = false, claim, quote, claims, relations, onClose, onOpenClaim, onCloseAutoFocus, text, desk, scale }: Props) {
  const draft = useClaimDraft(claim);
  const actions = useClaimActions();
  const { busy, error, fields, notice, send } = actions;
  const { guard, prompt } = useLeaveGuard(draft, claim.ordinal);

  // "Take theirs" refreshes the page, so what the dialog shows is their change.
  const { conflict, setConflict, onStale } = useConflict(() => actions.done('Their change kept; yours was not saved.'));

  // The version this person's typing started from. A colleague's change arriving live
  // (use-live-updates) re-renders `claim` with a newer version; while input is unsaved, a save still
  // carries the version it started from, so it meets the conflict panel with the colleague's change
  // instead of overwriting it unread. With nothing unsaved, and after one's own writes, it moves on.
  const seen = useRef(claim.version);
  useEffect(() => {
    if (!draft.isDirty) seen.current = Math.max(seen.current, claim.version);
  }, [claim.version, draft.isDirty]);
  const wrote = (data: unknown) => {
    const v = (data as { version?: unknown } | null)?.version;
    if (typeof v === 'number') seen.current = Math.max(seen.current, v);
  };

  async function addSource(version = seen.current, values = draft.values): Promise<boolean> {
    const source = pendingSource(values);
    if (!source) return false;
    const res = await actions.request<{ version: number }>(`/api/claims/${claim.id}/sources`, { method: 'POST', body: JSON.stringify({ ...source, version }) });
    const mine = { action: 'Add source', values: { sourceUrl: source.url, sourceTitle: source.title, sourceQuote: source.quote ?? '' } };
    if (!onStale(res, mine, (v) => addSource(v, values), () => draft.clear(SOURCE_FIELDS))) return false;
    wrote(res.data);
    draft.clear(SOURCE_FIELDS);
    actions.done('Source added.');
    return true;
  }

  // A source filled in but not added goes in first: a verdict saved without it would be reviewed
  // with a source missing. If the source is refused, the verdict waits and says why.
  async function saveVerdict(version = seen.current, typed: Partial<typeof draft.values> = {}): Promise<boolean> {
    const v = { ...draft.values, ...typed };
    const mine: MineInput = { action: 'Save verdict', values: { rating: v.rating, explanation: v.explanation, correction: v.correction }, mergeable: ['explanation', 'correction'] };
    const retry: Conflict['retry'] = (next, merged) => saveVerdict(next, { ...typed, ...merged });
    const source = pendingSource(v);
    if (source) {
      const added = await actions.request<{ version: number }>(`/api/claims/${claim.id}/sources`, { method: 'POST', body: JSON.stringify({ ...source, version }) },
        (m) => `The verdict is not saved yet: the source you filled in could not be added. ${m} Fix the source below or clear its fields, then save again.`);
      if (!onStale(added, { ...mine, values: { ...mine.values, sourceUrl: source.url, sourceTitle: source.title } }, retry, () => draft.clear([...VERDICT_FIELDS, ...SOURCE_FIELDS]))) return false;
      draft.clear(SOURCE_FIELDS);
      // The source moved the claim to its next version; the verdict goes on top of it.
      version = added.data.version;
      wrote(added.data);
    }
    const res = await actions.request(`/api/claims/${claim.id}/verdict`, {
      method: 'POST',
      body: JSON.stringify({ rating: v.rating, explanation: v.explanation, correction: v.correction || undefined, version }),
    }, (m) => (source ? `The source was added, but the verdict was not saved: ${m}` : m));
    if (!onStale(res, mine, retry, () => draft.clear(VERDICT_FIELDS))) {
      if (source) actions.done(`Source “${source.title}” added.`);
      return false;
    }
    wrote(res.data);
    draft.clear(VERDICT_FIELDS);
    actions.done(source ? `Verdict saved, with the source “${source.title}”.` : 'Verdict saved.');
    return true;
  }

  async function dismiss(version = seen.current, reason = draft.values.dismissReason): Promise<boolean> {
    const res = await actions.request(`/api/claims/${claim.id}/dismiss`, { method: 'POST', body: JSON.stringify({ reason, version }) });
    const mine: MineInput = { action: 'Dismiss claim', values: { dismissReason: reason }, mergeable: ['dismissReason'] };
    if (!onStale(res, mine, (v, merged) => dismiss(v, merged?.dismissReason ?? reason), () => draft.clear(DISMISS_FIELDS))) return false;
    wrote(res.data);
    draft.clear(DISMISS_FIELDS);
    actions.done('Claim dismissed.');
    return true;
  }

  async function removeSourceAt(s: SourceDto, version = claim.version): Promise<boolean> {
    const res = await actions.request(`/api/claims/${claim.id}/sources/${s.id}`, { method: 'DELETE', body: JSON.stringify({ version }) });
    const mine: MineInput = { action: 'Remove source', values: {}, summary: `Remove the source “${s.title}”.` };
    if (!onStale(res, mine, (v) => removeSourceAt(s, v), () => undefined)) return false;
    wrote(res.data);
    actions.done('Source removed.');
    return true;
  }
  const removeSource = (s: SourceDto) => void removeSourceAt(s);

  /** Link and reuse clicks: no typed fields, so "keep mine" sends the click again with the new version. */
  const versionedSend: VersionedSend = async (url, body, message, mine, version, discard = () => undefined) => {
    const res = await actions.request(url, { method: 'POST', body: JSON.stringify({ ...body, version }) });
    if (!onStale(res, mine, (v) => versionedSend(url, body, message, mine, v, discard), discard)) return false;
    actions.done(message);
    return true;
  };

  return (
    <Dialog
      open
      onOpenChange={(o) => { if (!o) guard(onClose); }}
      onCloseAutoFocus={onCloseAutoFocus}
      title={`Claim ${claim.ordinal}`}
      description={<span className={`badge state state-${stateClass(claim)}`}><span className="state-symbol" aria-hidden="true">{stateSymbol(claim)}</span> {stateLabel(claim)}</span>}
    >
      <blockquote className="claim-quote-full">{quote}</blockquote>
      <p className="claim-meta">
        Type: <strong>{claim.type}</strong> · check-worthiness {Math.round(claim.score * 100)}%
        {claim.flags.length ? <> · flags: <strong>{claim.flags.join(', ')}</strong></> : null}
      </p>
      {claim.flags.includes('ambiguous') ? (
        <p className="warning">The subject is a pronoun: read the sentence before it.{claim.antecedent ? ` It probably refers to ${claim.antecedent}.` : ''}</p>
      ) : null}
      {claim.flags.includes('incomplete') ? <p className="warning">This sentence looks cut off in the draft. Ask the writer before rating it.</p> : null}
      {claim.numbers.length ? <p className="claim-meta">Numbers: {claim.numbers.join(', ')}</p> : null}
      {claim.stale ? (
        <div className="warning stale-change" data-testid="stale-change">
          <p><strong>The wording changed in a new draft.</strong> Its review was of the earlier words: confirm the verdict (save it again), change it, or dismiss the claim.</p>
          <p>Before: <del>{claim.previousQuote}</del></p>
          <p>Now: <ins>{quote}</ins></p>
        </div>
      ) : null}

      <DraftOffer draft={draft} />
      {conflict ? <ConflictPanel key={JSON.stringify(conflict.mine)} conflict={conflict} busy={busy} onDone={() => setConflict(null)} /> : <FormError message={error} />}
      {notice ? <p className="notice" role="status">{notice}</p> : null}

      {claim.verdict ? (
        <section className="current-verdict" aria-label="Current verdict">
          <h3>Current verdict: {claim.verdict.ratingName ?? claim.verdict.rating}</h3>
          <p>{claim.verdict.explanation}</p>
          {claim.verdict.correction ? <p>Correction ({claim.verdict.correctionStatus === 'proposed' ? 'awaiting an editor' : claim.verdict.correctionStatus}): <ins>{claim.verdict.correction}</ins></p> : null}
          <p className="claim-meta">by {claim.verdict.author}, <RelativeTime iso={claim.verdict.createdAt} />, on draft {claim.verdict.revisionNumber}</p>
        </section>
      ) : null}
      {desk ? <ClaimAssignment claim={claim} desk={desk} busy={busy} send={versionedSend} fields={fields} /> : null}
      {claim.publicState.pendingApproval || claim.publicState.kind === 'awaiting' ? (
        <p className="notice" data-testid="awaiting-approval">This verdict is awaiting an editor&apos;s approval{claim.approvedVerdict ? `: exports still publish the approved one (${claim.approvedVerdict.ratingName ?? claim.approvedVerdict.rating})` : ': exports publish no rating until it is approved'}.</p>
      ) : null}
      <DoubleCheckPanel claim={claim} canResolve={canApprove} busy={busy} send={versionedSend} scale={scale} />
      {canApprove && !claim.secondAssignee ? <ApprovalPanel claim={claim} busy={busy} send={versionedSend} /> : null}
      <ArchiveMatches claim={claim} busy={busy} versionedSend={versionedSend} />
      {claim.status === 'dismissed' ? <p className="notice">Dismissed as not checkable: {claim.dismissReason}</p> : null}

      {claim.doubleCheck?.phase === 'both_in' ? null : <VerdictForm scale={scale} hasVerdict={claim.verdict !== null} draft={draft} fields={fields} busy={busy} onSave={() => { setConflict(null); void saveVerdict(); }} />}

      <SourcesSection sources={claim.sources} draft={draft} fields={fields} busy={busy} onAdd={() => { setConflict(null); void addSource(); }} onRemove={removeSource} />

      <SpeakerForm claim={claim} busy={busy} send={versionedSend} fields={fields} />

      <CommentThread claimId={claim.id} version={claim.version} actions={actions} send={versionedSend} />
      <p className="claim-meta">
        This claim&apos;s history: <a href={`/api/claims/${claim.id}/history?format=csv`} download>CSV<span className="sr-only"> of claim {claim.ordinal}&apos;s history</span></a>
        {' · '}<a href={`/api/claims/${claim.id}/history?format=json`} download>JSON<span className="sr-only"> of claim {claim.ordinal}&apos;s history</span></a>
      </p>

      <ClaimRelations claim={claim} claims={claims} relations={relations} busy={busy} send={send} versionedSend={versionedSend} onOpenClaim={(id) => guard(() => onOpenClaim(id))} fields={fields} />

      {text !== undefined ? <ClaimEditing key={`edit-${claim.id}`} claim={claim} claims={claims} text={text} onOpenClaim={(id) => guard(() => onOpenClaim(id))} onClose={onClose} /> : null}

      {claim.status !== 'dismissed' ? (
        <form
          aria-label="Dismiss"
          className="dismiss"
          onSubmit={(e) => {
            e.preventDefault();
            setConflict(null);
            void dismiss();
          }}
        >
          <h3>Not checkable?</h3>
          <Field id="dismiss-reason" label="Reason (opinion, question, prediction…)" error={fields.reason}>
            <input id="dismiss-reason" name="reason" required maxLength={2000} value={draft.values.dismissReason} onChange={(e) => draft.set('dismissReason', e.target.value)} />
          </Field>
          <button type="submit" className="secondary" disabled={busy}>Dismiss claim</button>
        </form>
      ) : null}
      {prompt}
    </Dialog>
  );
}
