'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { RelationDto } from '@/lib/db/articles';
import type { ReviewClaim } from './view-model';
import { RATINGS } from '@/lib/verdicts/scale';
import { stateLabel, stateSymbol } from '@/lib/verdicts/display';
import { Dialog } from '@/components/ui/dialog';
import { Field, FormError } from '@/components/ui/field';
import { callApi } from '@/components/ui/api-client';
import { ArchiveMatches, ClaimRelations } from './claim-links';
import { ClaimEditing } from './claim-editing';

type Props = {
  claim: ReviewClaim; quote: string; claims: ReviewClaim[]; relations: RelationDto[]; onClose: () => void; onOpenClaim: (id: string) => void;
  /** The article text: correcting the claim's span needs the words around it. */
  text?: string;
};

export function ClaimDialog({ claim, quote, claims, relations, onClose, onOpenClaim, text }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(url: string, init: RequestInit, done: string, form?: HTMLFormElement) {
    setBusy(true);
    setError(null);
    setNotice(null);
    const res = await callApi(url, init);
    setBusy(false);
    if (!res.ok) {
      setError(res.message);
      setFields(res.fields ?? {});
      return;
    }
    setFields({});
    form?.reset();
    setNotice(done);
    router.refresh();
  }


  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Claim ${claim.ordinal}`} description={<span className={`badge state`}>{stateSymbol(claim)} {stateLabel(claim)}</span>}>
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

      <FormError message={error} />
      {notice ? <p className="notice" role="status">{notice}</p> : null}

      {claim.verdict ? (
        <section className="current-verdict" aria-label="Current verdict">
          <h3>Current verdict: {claim.verdict.rating}</h3>
          <p>{claim.verdict.explanation}</p>
          {claim.verdict.correction ? <p>Correction ({claim.verdict.correctionStatus === 'proposed' ? 'awaiting an editor' : claim.verdict.correctionStatus}): <ins>{claim.verdict.correction}</ins></p> : null}
          <p className="claim-meta">by {claim.verdict.author}, {new Date(claim.verdict.createdAt).toLocaleString()}, on draft {claim.verdict.revisionNumber}</p>
        </section>
      ) : null}
      <ArchiveMatches claim={claim} busy={busy} send={send} />
      {claim.status === 'dismissed' ? <p className="notice">Dismissed as not checkable: {claim.dismissReason}</p> : null}

      <form
        key={`verdict-${claim.version}`}
        aria-label="Verdict"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void send(`/api/claims/${claim.id}/verdict`, {
            method: 'POST',
            body: JSON.stringify({ rating: f.get('rating'), explanation: f.get('explanation'), correction: f.get('correction') || undefined, version: claim.version }),
          }, 'Verdict saved.', e.currentTarget);
        }}
      >
        <h3>{claim.verdict ? 'Change the verdict' : 'Verdict'}</h3>
        <Field id="rating" label="Rating" error={fields.rating}>
          <select id="rating" name="rating" defaultValue={claim.verdict?.rating ?? ''} required>
            <option value="" disabled>Choose…</option>
            {RATINGS.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </Field>
        <Field id="explanation" label="Explanation" error={fields.explanation}>
          <textarea id="explanation" name="explanation" rows={3} required maxLength={5000} defaultValue={claim.verdict?.explanation ?? ''} />
        </Field>
        <Field id="correction" label="Correction (what the sentence should say)" error={fields.correction}>
          <textarea id="correction" name="correction" rows={2} maxLength={5000} defaultValue={claim.verdict?.correctionStatus === 'rejected' ? '' : claim.verdict?.correction ?? ''} />
        </Field>
        <button type="submit" className="primary" disabled={busy}>Save verdict</button>
      </form>

      <section aria-label="Sources">
        <h3>Sources ({claim.sources.length})</h3>
        {claim.sources.length === 0 ? <p className="empty">No sources yet. A verdict needs at least one before export.</p> : null}
        <ul className="sources">
          {claim.sources.map((s) => (
            <li key={s.id}>
              <a href={s.url} target="_blank" rel="noopener noreferrer">{s.title}</a> <span className={`stance stance-${s.stance}`}>{s.stance}</span>
              {s.quote ? <q>{s.quote}</q> : null}
              <button type="button" className="link danger" disabled={busy} onClick={() => void send(`/api/claims/${claim.id}/sources/${s.id}`, { method: 'DELETE' }, 'Source removed.')}>
                Remove<span className="sr-only"> {s.title}</span>
              </button>
            </li>
          ))}
        </ul>
        <form
          aria-label="Add a source"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            void send(`/api/claims/${claim.id}/sources`, {
              method: 'POST',
              body: JSON.stringify({ url: f.get('url'), title: f.get('title'), quote: f.get('quote') || undefined, stance: f.get('stance') }),
            }, 'Source added.', e.currentTarget);
          }}
        >
          <Field id="source-url" label="Source URL" error={fields.url}><input id="source-url" name="url" type="url" required placeholder="https://" /></Field>
          <Field id="source-title" label="Source title" error={fields.title}><input id="source-title" name="title" required /></Field>
          <Field id="source-quote" label="Quoted passage" error={fields.quote}><textarea id="source-quote" name="quote" rows={2} /></Field>
          <Field id="source-stance" label="Stance" error={fields.stance}>
            <select id="source-stance" name="stance" defaultValue="supports">
              <option value="supports">Supports the claim</option>
              <option value="refutes">Refutes the claim</option>
              <option value="context">Context</option>
            </select>
          </Field>
          <button type="submit" disabled={busy}>Add source</button>
        </form>
      </section>

      <form
        key={`speaker-${claim.version}`}
        aria-label="Attributed to"
        className="speaker"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          void send(`/api/claims/${claim.id}/speaker`, { method: 'POST', body: JSON.stringify({ name: f.get('speaker'), type: f.get('speakerType'), version: claim.version }) }, 'Attribution saved.');
        }}
      >
        <h3>Attributed to</h3>
        <p className="hint">Published as the claim&apos;s author in ClaimReview. Empty: the article&apos;s byline.</p>
        <Field id="speaker" label="Name" error={fields.name}><input id="speaker" name="speaker" defaultValue={claim.speaker?.name ?? ''} maxLength={200} /></Field>
        <Field id="speakerType" label="Kind" error={fields.type}>
          <select id="speakerType" name="speakerType" defaultValue={claim.speaker?.type ?? 'Person'}>
            <option value="Person">Person</option>
            <option value="Organization">Organization</option>
          </select>
        </Field>
        <button type="submit" disabled={busy}>Save attribution</button>
      </form>

      <ClaimRelations claim={claim} claims={claims} relations={relations} busy={busy} send={send} onOpenClaim={onOpenClaim} fields={fields} />

      {text !== undefined ? <ClaimEditing key={`edit-${claim.id}`} claim={claim} claims={claims} text={text} onOpenClaim={onOpenClaim} onClose={onClose} /> : null}

      {claim.status !== 'dismissed' ? (
        <form
          aria-label="Dismiss"
          className="dismiss"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            void send(`/api/claims/${claim.id}/dismiss`, { method: 'POST', body: JSON.stringify({ reason: f.get('reason'), version: claim.version }) }, 'Claim dismissed.', e.currentTarget);
          }}
        >
          <h3>Not checkable?</h3>
          <Field id="dismiss-reason" label="Reason (opinion, question, prediction…)" error={fields.reason}>
            <input id="dismiss-reason" name="reason" required maxLength={2000} />
          </Field>
          <button type="submit" className="secondary" disabled={busy}>Dismiss claim</button>
        </form>
      ) : null}
    </Dialog>
  );
}
