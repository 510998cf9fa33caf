import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { myQueue } from '@/lib/db/queue';
import { RelativeTime } from '@/components/history/relative-time';

export const dynamic = 'force-dynamic';

const OVERDUE_WORDS = { past_due: 'Overdue: past its due time', idle_in_review: 'Overdue: a day in review with nothing done' } as const;

/** My queue (issue 10 item 2): my claims still to review, due first then oldest, and where I was mentioned. */
export default async function QueuePage() {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  const now = Date.now();
  const { claims, mentions } = await myQueue(actor);
  const overdue = claims.filter((c) => c.overdue).length;
  return (
    <div className="page">
      <h1>My queue</h1>
      <p className="hint">{claims.length} {claims.length === 1 ? 'claim' : 'claims'} to review{overdue ? `, ${overdue} overdue` : ''}. Due soonest first, then the longest waiting.</p>
      <section aria-labelledby="queue-claims-h">
        <h2 id="queue-claims-h">Claims assigned to me</h2>
        {claims.length === 0 ? <p className="empty">Nothing assigned to you. An editor assigns claims from an article or the dashboard.</p> : (
          <ol className="queue" aria-label="Claims assigned to me">
            {claims.map((c) => (
              <li key={c.id} data-testid="queue-claim" className={c.overdue ? 'queue-item overdue' : 'queue-item'}>
                <Link href={`/articles/${c.articleId}?claim=${c.id}`}>Claim {c.ordinal} in {c.articleTitle}</Link>
                <q className="queue-quote">{c.quote}</q>
                <span className="claim-meta">
                  {c.status.replace('_', ' ')}
                  {c.dueAt ? <> · due <RelativeTime iso={c.dueAt} now={now} /></> : ' · no due time'}
                </span>
                {c.overdue ? <strong className="overdue-flag">⚠ {OVERDUE_WORDS[c.overdue]}</strong> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="queue-mentions-h">
        <h2 id="queue-mentions-h">Mentions</h2>
        {mentions.length === 0 ? <p className="empty">Nobody has mentioned you in an open comment.</p> : (
          <ol className="queue" aria-label="Mentions">
            {mentions.map((m) => (
              <li key={m.commentId} data-testid="queue-mention" className="queue-item">
                <Link href={`/articles/${m.articleId}?claim=${m.claimId}`}>{m.author} on claim {m.claimOrdinal} in {m.articleTitle}</Link>
                <p className="comment-body">{m.body}</p>
                <span className="claim-meta"><RelativeTime iso={m.createdAt} now={now} /></span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
