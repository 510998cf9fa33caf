import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { NewArticleForm } from '@/components/articles/new-article-form';

export default async function NewArticlePage() {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (!can(actor, 'article:create')) {
    return <div className="page"><p className="form-error">Only editors and admins load articles. Ask an editor to load this one.</p></div>;
  }
  return <div className="page"><NewArticleForm /></div>;
}
