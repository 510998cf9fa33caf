import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listArticles } from '@/lib/db/articles';
import { countUsers } from '@/lib/db/users';
import { StatusBar } from '@/components/queue/charts';

export const dynamic = 'force-dynamic';

export default async function ArticlesPage() {
  if ((await countUsers()) === 0) redirect('/setup');
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  const articles = await listArticles(actor);
  return (
    <div className="page">
      <div className="page-head">
        <h1>Articles</h1>
        {can(actor, 'article:create') ? <Link className="button primary" href="/articles/new">Load an article</Link> : null}
      </div>
      {articles.length === 0 ? (
        <p className="empty">No articles yet. {can(actor, 'article:create') ? 'Load an article to start.' : 'An editor loads articles; they will appear here.'}</p>
      ) : (
        <table className="articles">
          <thead><tr><th>Title</th><th>Status</th><th>Progress</th><th>Loaded</th></tr></thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td><Link href={`/articles/${a.id}`}>{a.title}</Link>{a.byline ? <div className="byline">{a.byline}</div> : null}</td>
                <td>{a.status.replace('_', ' ')}</td>
                <td>
                  <StatusBar counts={a.byStatus} />{' '}
                  {a.reviewed + a.dismissed}/{a.claims}<span className="sr-only"> done</span>
                </td>
                <td><time dateTime={a.createdAt}>{a.createdAt.slice(0, 10)}</time></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
