import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AppError } from '@/lib/api/errors';
import { currentActor } from '@/lib/auth/session';
import { getArticle } from '@/lib/db/articles';
import { getRevisionTexts } from '@/lib/db/revisions';
import { diffWords } from '@/lib/anchoring/diff';
import { DraftDiff } from '@/components/revisions/draft-diff';

export const dynamic = 'force-dynamic';

export default async function ComparePage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  const { id } = await params;
  const q = await searchParams;
  const article = await getArticle(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  const latest = article.revision.number;
  const to = Math.min(Math.max(1, Number(q.to) || latest), latest);
  const from = Math.min(Math.max(1, Number(q.from) || to - 1), latest);
  const texts = await getRevisionTexts(actor, id, from, to);
  // Claims sit on the latest draft's offsets, so they can be overlaid only when it is the later side.
  const claims = to === latest
    ? article.claims.map((c) => ({ id: c.id, ordinal: c.ordinal, start: c.start, end: c.end, label: c.publicState.label, css: c.publicState.css }))
    : [];
  const numbers = article.revisions.map((r) => r.number).sort((a, b) => a - b);
  return (
    <div className="page">
      <p><Link href={`/articles/${id}`}>← Back to the review</Link></p>
      <h1>{article.title}: draft {from} → draft {to}</h1>
      <form className="compare-pick" method="get">
        <label htmlFor="from">From draft</label>{' '}
        <select id="from" name="from" defaultValue={String(from)}>{numbers.map((n) => <option key={n} value={n}>{n}</option>)}</select>{' '}
        <label htmlFor="to">to draft</label>{' '}
        <select id="to" name="to" defaultValue={String(to)}>{numbers.map((n) => <option key={n} value={n}>{n}</option>)}</select>{' '}
        <button type="submit">Compare</button>
      </form>
      <p className="hint">Struck-through text was removed, underlined text was added. {claims.length ? 'Claims of the current draft are outlined with their number; a dashed outline means the wording changed under a verdict.' : 'Claims are shown only when comparing against the current draft.'}</p>
      {from === to ? <p className="empty">Pick two different drafts.</p> : <DraftDiff parts={diffWords(texts.from.text, texts.to.text)} claims={claims} />}
    </div>
  );
}
