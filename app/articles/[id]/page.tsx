import { notFound, redirect } from 'next/navigation';
import { AppError } from '@/lib/api/errors';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getArticle } from '@/lib/db/articles';
import { articleReadVersion, eventCount } from '@/lib/db/article-read';
import { listHistory } from '@/lib/db/history';
import { ReviewWorkspace } from '@/components/review/review-workspace';
import { toReviewArticle } from '@/components/review/view-model';
import { HistoryList } from '@/components/history/history-list';
import { groupEvents } from '@/lib/history/summary';
import { NewDraftForm } from '@/components/revisions/new-draft-form';
import { AssignArticleForm } from '@/components/queue/assign-article-form';
import { listDeskMembers } from '@/lib/db/assignments';
import { PublishPanel } from '@/components/verification/publish-panel';
import { ApprovalSetting, DoubleCheckSetting } from '@/components/review/approval-setting';
import { AgreementFigure } from '@/components/queue/agreement-figure';
import { agreementFigures } from '@/lib/db/double-check';
import { buildExportBundle } from '@/lib/db/exports';
import { checkGate } from '@/lib/verification/gate';
import { formatNote } from '@/lib/verification/corrections';

export const dynamic = 'force-dynamic';

// A busy article gathers thousands of events; the page shows the latest, the API returns them all.
const HISTORY_ON_PAGE = 200;

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ claim?: string | string[] }> }) {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  const { id } = await params;
  const data = await Promise.all([getArticle(actor, id), listHistory(actor, id, { latest: HISTORY_ON_PAGE }), articleReadVersion(actor, id)]).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  // The version is the article's event count (lib/db/article-read.ts): the total without reading them all.
  const [article, events, version] = data;
  const totalEvents = eventCount(version);
  const claimParam = (await searchParams).claim;
  const members = (await listDeskMembers(actor)).map(({ id: memberId, name, email }) => ({ id: memberId, name, email }));
  const canAssign = can(actor, 'claim:assign');
  const agreement = await agreementFigures(actor, id);
  const ordinals = Object.fromEntries([...article.claims, ...article.archived].map((c) => [c.id, c.ordinal]));
  const editor = can(actor, 'article:verify');
  const bundle = editor ? await buildExportBundle(article) : null;
  return (
    <div className="page wide">
      <ReviewWorkspace article={toReviewArticle(article)} desk={{ members, canAssign, doubleCheck: article.doubleCheck }} initialClaim={typeof claimParam === 'string' ? claimParam : undefined} canApprove={can(actor, 'claim:approve')} />
      <div className="below">
        {article.revisions.length > 1 ? (
          <p className="drafts">
            Draft {article.revision.number} of {article.revisions.length}.{' '}
            <a href={`/articles/${article.id}/compare?from=${article.revision.number - 1}&to=${article.revision.number}`}>Compare with draft {article.revision.number - 1}</a>
          </p>
        ) : null}
        {canAssign ? <AssignArticleForm articleId={article.id} members={members} current={article.defaultAssigneeId} doubleCheck={article.doubleCheck} /> : null}
        {can(actor, 'claim:approve') ? <ApprovalSetting articleId={article.id} approvalRequired={article.approvalRequired} /> : null}
        {canAssign ? <DoubleCheckSetting articleId={article.id} doubleCheck={article.doubleCheck} /> : null}
        {article.doubleCheck || agreement.n > 0 ? <AgreementFigure figures={agreement} title="Agreement between blind reviewers (this article)" /> : null}
        {can(actor, 'article:revise') ? <NewDraftForm articleId={article.id} revision={article.revision.number} /> : null}
        {editor && bundle ? (
          <PublishPanel
            articleId={article.id}
            status={article.status}
            revision={article.revision.number}
            gate={checkGate(article.claims)}
            overrideReason={article.verification.overrideReason}
            publicUrl={article.publicUrl}
            draftedNote={formatNote(bundle.corrections)}
            editedNote={article.correctionsNote}
            corrections={article.claims.flatMap((c) => c.publicState.kind === 'rated' && c.verdict?.correction && c.verdict.correctionStatus === 'proposed'
              ? [{ claimId: c.id, verdictId: c.verdict.id, ordinal: c.ordinal, quote: c.quote, correction: c.verdict.correction, version: c.version }] : [])}
          />
        ) : null}
        {article.archived.length ? (
          <section aria-labelledby="archived-h">
            <h2 id="archived-h">Removed in later drafts ({article.archived.length})</h2>
            <ul className="archived-claims">
              {article.archived.map((c) => (
                <li key={c.id} data-claim={c.id}>
                  “{c.quote}” <span className="claim-meta">last on draft {c.revision} · {c.publicState.label}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-labelledby="history-h">
          <h2 id="history-h">History</h2>
          <p className="claim-meta history-export">
            Download the whole history: <a href={`/api/articles/${article.id}/history?format=csv`} download>CSV<span className="sr-only"> of the history</span></a>
            {' · '}<a href={`/api/articles/${article.id}/history?format=json`} download>JSON<span className="sr-only"> of the history</span></a>
            {' '}(add <code>&amp;actor=</code> an email or <code>&amp;kind=</code> to filter; <code>/api/claims/:id/history</code> for one claim).
          </p>
          {totalEvents > events.length ? (
            <p className="claim-meta">
              Showing the latest {events.length} of {totalEvents} events. The full history:{' '}
              <a href={`/api/articles/${article.id}/history`}>all events as JSON</a>.
            </p>
          ) : null}
          <HistoryList entries={groupEvents(events)} ordinals={ordinals} now={Date.now()} />
        </section>
      </div>
    </div>
  );
}
