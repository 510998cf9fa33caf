import { notFound, redirect } from 'next/navigation';
import { AppError } from '@/lib/api/errors';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getArticle } from '@/lib/db/articles';
import { listHistory } from '@/lib/db/history';
import { ReviewWorkspace } from '@/components/review/review-workspace';
import { toReviewArticle } from '@/components/review/view-model';
import { HistoryList } from '@/components/history/history-list';

export const dynamic = 'force-dynamic';

// A busy article gathers thousands of events; the page shows the latest, the API returns them all.
const HISTORY_ON_PAGE = 200;

const FORMATS = [
  { id: 'html', label: 'Annotated HTML' },
  { id: 'md', label: 'Markdown' },
  { id: 'jsonld', label: 'ClaimReview JSON-LD' },
  { id: 'csv', label: 'CSV' },
  { id: 'archive', label: 'Review archive (JSON, re-importable)' },
];

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  const { id } = await params;
  const data = await Promise.all([getArticle(actor, id), listHistory(actor, id)]).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  const [article, events] = data;
  const ordinals = new Map(article.claims.map((c) => [c.id, c.ordinal]));
  return (
    <div className="page wide">
      <ReviewWorkspace article={toReviewArticle(article)} />
      <div className="below">
        {can(actor, 'article:export') ? (
          <section aria-labelledby="export-h" className="export">
            <h2 id="export-h">Export</h2>
            <ul>
              {FORMATS.map((f) => (
                <li key={f.id}><a href={`/api/articles/${article.id}/export?format=${f.id}&download=1`} download>{f.label}</a></li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="history-h">
          <h2 id="history-h">History</h2>
          {events.length > HISTORY_ON_PAGE ? (
            <p className="claim-meta">
              Showing the latest {HISTORY_ON_PAGE} of {events.length} events. The full history:{' '}
              <a href={`/api/articles/${article.id}/history`}>all events as JSON</a>.
            </p>
          ) : null}
          <HistoryList events={events.slice(-HISTORY_ON_PAGE)} ordinals={ordinals} />
        </section>
      </div>
    </div>
  );
}
