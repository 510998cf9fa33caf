'use client';
// The editor's publish panel: the gate as a checklist (each item links to its claim), verify or
// override with a written reason, corrections to accept or reject, the public URL of the fact check,
// the corrections note (drafted from history, editable), and the exports.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { callApi, type ApiResult } from '@/components/ui/api-client';
import { ConflictPanel, conflictOf, useConflict } from '@/components/review/conflict-panel';
import { Field, FormError } from '@/components/ui/field';
import type { GateItem } from '@/lib/verification/gate';

export type PendingCorrection = { claimId: string; verdictId: string; ordinal: number; quote: string; correction: string; version: number };

type Props = {
  articleId: string;
  status: string;
  revision: number;
  gate: { ok: boolean; missing: GateItem[] };
  overrideReason: string | null;
  publicUrl: string | null;
  draftedNote: string;
  editedNote: string | null;
  corrections: PendingCorrection[];
};

const FORMATS = [
  { id: 'html', label: 'Annotated HTML' },
  { id: 'md', label: 'Markdown' },
  { id: 'jsonld', label: 'ClaimReview JSON-LD' },
  { id: 'csv', label: 'CSV' },
  { id: 'archive', label: 'Review archive (JSON, re-importable)' },
];

function useAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<GateItem[] | null>(null);
  async function send(url: string, init: RequestInit, done: string): Promise<ApiResult<unknown>> {
    setBusy(true); setError(null); setNotice(null);
    const res = await callApi(url, init);
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields ?? {});
      // The gate's refusal lists what is missing at this moment: show it instead of the page's list.
      if (Array.isArray(res.error?.missing)) setMissing(res.error.missing as GateItem[]);
      return res;
    }
    setFields({}); setMissing(null); setNotice(done); router.refresh();
    return res;
  }
  return { busy, error, notice, fields, missing, send, refresh: () => router.refresh() };
}

export function PublishPanel(p: Props) {
  const verified = p.status === 'verified' || p.status === 'exported';
  const { busy, error, notice, fields, missing, send, refresh } = useAction();
  // A correction decided on a stale page (a colleague changed the claim since) gets the conflict panel.
  const { conflict, setConflict, onStale } = useConflict(refresh);
  // The decision names the verdict whose correction the editor read: the page's, or after a conflict
  // the one the panel showed as theirs. A verdict newer than that is a 409, never decided unread.
  async function decide(c: PendingCorrection, decision: 'accept' | 'reject', version = c.version, verdictId = c.verdictId): Promise<boolean> {
    setConflict(null);
    const res = await send(`/api/claims/${c.claimId}/correction`, { method: 'POST', body: JSON.stringify({ decision, version, verdictId }) }, `Correction on claim ${c.ordinal} ${decision}ed.`);
    const mine = { action: `${decision === 'accept' ? 'Accept' : 'Reject'} correction`, values: {}, summary: `${decision === 'accept' ? 'Accept' : 'Reject'} the correction on claim ${c.ordinal}: “${c.correction}”.` };
    const theirs = res.ok ? null : conflictOf(res.error);
    const shown = theirs?.kind === 'claim' ? theirs.claim.verdict?.id ?? verdictId : verdictId;
    return onStale(res, mine, (v) => decide(c, decision, v, shown), () => undefined);
  }
  const shown = missing ?? p.gate.missing;
  const [note, setNote] = useState(p.editedNote ?? p.draftedNote);

  return (
    <section aria-labelledby="publish-h" className="publish card">
      <h2 id="publish-h">Verified version</h2>
      <p className="article-status" data-testid="article-status">
        Status: <strong>{p.status.replace('_', ' ')}</strong> · draft {p.revision}
        {verified && p.overrideReason ? <> · <span className="warning">verified by override: {p.overrideReason}</span></> : null}
      </p>
      {conflict ? <ConflictPanel conflict={conflict} busy={busy} onDone={() => setConflict(null)} /> : <FormError message={error} />}
      {notice ? <p className="notice" role="status">{notice}</p> : null}

      {!verified ? (
        <>
          <h3>Publish gate</h3>
          {shown.length === 0 ? (
            <p className="notice">Every check-worthy claim is reviewed with a source or dismissed. Ready to verify.</p>
          ) : (
            <ul className="gate-list" aria-label="What is missing">
              {shown.map((m) => (
                <li key={`${m.claimId}-${m.problem}`} data-problem={m.problem}>
                  <a href={`#mark-${m.claimId}`}>Claim {m.ordinal}</a>: {m.message} <span className="claim-meta">“{m.quote.length > 90 ? `${m.quote.slice(0, 87)}…` : m.quote}”</span>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button" className="primary" disabled={busy}
            onClick={() => void send(`/api/articles/${p.articleId}/verify`, { method: 'POST', body: '{}' }, 'Marked verified. The verified version can now be exported.')}
          >Mark verified</button>
          <form
            aria-label="Override the publish gate"
            className="override"
            onSubmit={async (e) => {
              e.preventDefault();
              const reason = String(new FormData(e.currentTarget).get('override') ?? '');
              await send(`/api/articles/${p.articleId}/verify`, { method: 'POST', body: JSON.stringify({ override: reason }) }, 'Marked verified by override. The reason is in the history and in every export.');
            }}
          >
            <Field id="override" label="Or publish anyway: the reason (printed in every export)" error={fields.override}>
              <textarea id="override" name="override" rows={2} required maxLength={2000} />
            </Field>
            <button type="submit" className="secondary" disabled={busy}>Override the gate</button>
          </form>
        </>
      ) : (
        <p className="notice">Verified. A new draft or any change to the review returns the article to review.</p>
      )}

      <h3>Corrections to decide ({p.corrections.length})</h3>
      {p.corrections.length === 0 ? <p className="empty">No proposed corrections.</p> : (
        <ul className="corrections-list">
          {p.corrections.map((c) => (
            <li key={c.claimId} data-claim={c.claimId}>
              <a href={`#mark-${c.claimId}`}>Claim {c.ordinal}</a>: <del>{c.quote}</del> → <ins>{c.correction}</ins>{' '}
              <button type="button" disabled={busy} onClick={() => void decide(c, 'accept')}>Accept<span className="sr-only"> correction {c.ordinal}</span></button>{' '}
              <button type="button" className="secondary" disabled={busy} onClick={() => void decide(c, 'reject')}>Reject<span className="sr-only"> correction {c.ordinal}</span></button>
            </li>
          ))}
        </ul>
      )}

      <form
        aria-label="Public URL"
        onSubmit={(e) => {
          e.preventDefault();
          void send(`/api/articles/${p.articleId}`, { method: 'PATCH', body: JSON.stringify({ publicUrl: String(new FormData(e.currentTarget).get('publicUrl') ?? '') }) }, 'Public URL saved.');
        }}
      >
        <Field id="publicUrl" label="Public URL of the fact check" error={fields.publicUrl} hint="ClaimReview links here (never to this sign-in page). Leave empty to publish markup without a url.">
          <input id="publicUrl" name="publicUrl" type="url" defaultValue={p.publicUrl ?? ''} placeholder="https://" />
        </Field>
        <button type="submit" disabled={busy}>Save URL</button>
      </form>

      <form
        aria-label="Corrections note"
        onSubmit={(e) => {
          e.preventDefault();
          void send(`/api/articles/${p.articleId}`, { method: 'PATCH', body: JSON.stringify({ correctionsNote: note === p.draftedNote ? null : note }) }, 'Corrections note saved.');
        }}
      >
        <Field id="correctionsNote" label="Corrections note" error={fields.correctionsNote} hint={p.editedNote === null ? 'Drafted from the history. Edit it before export if needed.' : 'Edited by an editor. Clear it to go back to the drafted note.'}>
          <textarea id="correctionsNote" rows={5} value={note} onChange={(e) => setNote(e.target.value)} maxLength={20000} />
        </Field>
        <button type="submit" disabled={busy}>Save note</button>
      </form>

      <h3>Export</h3>
      <ul className="exports">
        <li>
          {verified
            ? <><a href={`/api/articles/${p.articleId}/export?format=verified-html&download=1`} download>Verified version (HTML)</a> · <a href={`/api/articles/${p.articleId}/export?format=verified-md&download=1`} download>Verified version (Markdown)</a></>
            : <span className="claim-meta">The verified version is available once the gate is met or overridden.</span>}
        </li>
        {FORMATS.map((f) => (
          <li key={f.id}><a href={`/api/articles/${p.articleId}/export?format=${f.id}&download=1`} download>{f.label}</a>{verified ? null : <span className="claim-meta"> (marked not verified)</span>}</li>
        ))}
      </ul>
    </section>
  );
}
