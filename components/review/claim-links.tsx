'use client';
// The claim dialog's links: relations to other claims of this article (confirm, dismiss, add, reuse a
// duplicate's verdict) and matches from earlier reviews in other articles ("we checked this before").
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { ArchiveMatch, RelationDto } from '@/lib/claims/dto';
import { formatDate } from '@/lib/history/time';
import { callApi } from '@/components/ui/api-client';
import { Field } from '@/components/ui/field';
import type { Send } from './use-claim-actions';
import type { VersionedSend } from './conflict-panel';
import type { ReviewClaim } from './view-model';

const LABEL: Record<string, string> = { duplicates: 'Same fact as', contradicts: 'Contradicts', supports: 'Supports' };

export function ClaimRelations({ claim, claims, relations, busy, send, versionedSend, onOpenClaim, fields }: {
  claim: ReviewClaim; claims: ReviewClaim[]; relations: RelationDto[]; busy: boolean; send: Send; versionedSend: VersionedSend;
  onOpenClaim: (id: string) => void; fields: Record<string, string>;
}) {
  // Surest first: confidence when the finder gave one; links without one keep their order.
  const mine = relations.filter((r) => r.a === claim.id || r.b === claim.id).map((r, i) => [r, i] as const)
    .sort(([x, i], [y, j]) => (y.confidence ?? 0) - (x.confidence ?? 0) || i - j).map(([r]) => r);
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <section aria-label="Links to other claims" className="links">
      <h3>Links to other claims ({mine.length})</h3>
      {mine.length === 0 ? <p className="empty">None found. Link one below if this claim repeats or contradicts another.</p> : null}
      <ul className="relations">
        {mine.map((r) => {
          const other = byId.get(r.a === claim.id ? r.b : r.a);
          if (!other) return null;
          return (
            <li key={r.id} className={`relation relation-${r.type} relation-${r.status}`} data-relation-type={r.type}>
              <strong>{LABEL[r.type] ?? r.type}</strong>{' '}
              <button type="button" className="link" onClick={() => onOpenClaim(other.id)}>claim {other.ordinal}</button>
              {r.reason ? <>: {r.reason}</> : null}{r.note ? <> · “{r.note}”</> : null}{' '}
              <em>({r.origin === 'auto' ? `suggested by the tool, ${r.status}` : `added by a reviewer, ${r.status}`})</em>
              <span className="relation-actions">
                {r.status !== 'confirmed' ? <button type="button" disabled={busy} onClick={() => void versionedSend(`/api/relations/${r.id}/confirm`, {}, 'Link confirmed.', { action: 'Confirm link', values: {}, summary: `Confirm the link to claim ${other.ordinal}.` }, r.version)}>Confirm</button> : null}
                {r.status !== 'dismissed' ? <button type="button" disabled={busy} onClick={() => void versionedSend(`/api/relations/${r.id}/dismiss`, {}, 'Link dismissed.', { action: 'Dismiss link', values: {}, summary: `Dismiss the link to claim ${other.ordinal}.` }, r.version)}>Dismiss</button> : null}
                {r.type === 'duplicates' && other.verdict && r.status !== 'dismissed' && other.verdict.rating !== claim.verdict?.rating ? (
                  <button type="button" className="primary" disabled={busy} onClick={() => void versionedSend(`/api/claims/${claim.id}/reuse`, { from: other.id }, `Verdict of claim ${other.ordinal} applied.`, { action: 'Apply its verdict', values: {}, summary: `Apply claim ${other.ordinal}'s verdict (${other.verdict?.ratingName ?? other.verdict?.rating ?? ''}) here.` }, claim.version)}>
                    Apply its verdict ({other.verdict.ratingName ?? other.verdict.rating}) here
                  </button>
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <form
        aria-label="Link to another claim"
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void send('/api/relations', { method: 'POST', body: JSON.stringify({ a: claim.id, b: f.get('b'), type: f.get('type'), note: f.get('note') }) }, 'Claims linked.', e.currentTarget);
        }}
      >
        <Field id="link-type" label="This claim…" error={fields.type}>
          <select id="link-type" name="type" defaultValue="contradicts">
            <option value="contradicts">contradicts</option>
            <option value="duplicates">states the same fact as</option>
            <option value="supports">supports</option>
          </select>
        </Field>
        <Field id="link-other" label="…claim" error={fields.b}>
          <select id="link-other" name="b" required defaultValue="">
            <option value="" disabled>Choose…</option>
            {claims.filter((c) => c.id !== claim.id).map((c) => <option key={c.id} value={c.id}>#{c.ordinal}</option>)}
          </select>
        </Field>
        <Field id="link-note" label="Why" error={fields.note}><input id="link-note" name="note" required maxLength={2000} /></Field>
        <button type="submit" disabled={busy}>Link claims</button>
      </form>
    </section>
  );
}

export function ArchiveMatches({ claim, busy, versionedSend }: { claim: ReviewClaim; busy: boolean; versionedSend: VersionedSend }) {
  const [matches, setMatches] = useState<ArchiveMatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setMatches(null);
    void callApi<{ matches: ArchiveMatch[] }>(`/api/claims/${claim.id}/matches`).then((res) => {
      if (!live) return;
      if (res.ok) setMatches(res.data.matches);
      else setError(res.message);
    });
    return () => { live = false; };
  }, [claim.id]);
  if (error) return <p className="claim-meta">Earlier reviews could not be searched: {error}</p>;
  if (matches === null) return <p className="claim-meta" aria-busy="true">Searching earlier reviews…</p>;
  if (matches.length === 0) return null;
  return (
    <section aria-label="Checked before" className="archive">
      <h3>Checked before</h3>
      <ul>
        {matches.map((m) => (
          <li key={m.claimId} data-testid="archive-match">
            Rated <strong>{m.rating}</strong> on {formatDate(m.ratedAt)} in{' '}
            <Link href={`/articles/${m.articleId}`}>{m.articleTitle}</Link>: <q>{m.quote}</q>
            <p>{m.explanation}</p>
            {m.sources.length ? <p className="claim-meta">Sources: {m.sources.map((s) => s.title).join('; ')}</p> : null}
            <button type="button" disabled={busy} onClick={() => void versionedSend(`/api/claims/${claim.id}/reuse`, { from: m.claimId }, 'Earlier verdict and sources reused.', { action: 'Reuse an earlier verdict', values: {}, summary: `Reuse the verdict ${m.rating} from “${m.articleTitle}”.` }, claim.version)}>
              Reuse this verdict and its sources
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
