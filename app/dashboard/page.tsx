import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listDeskMembers } from '@/lib/db/assignments';
import { deskDashboard } from '@/lib/db/queue';
import { formatDuration } from '@/lib/queue/dashboard';
import { BarChart, ChartFigure } from '@/components/queue/charts';
import { AgreementFigure } from '@/components/queue/agreement-figure';
import { ReassignButton } from '@/components/queue/reassign-button';
import { RelativeTime } from '@/components/history/relative-time';

export const dynamic = 'force-dynamic';

const RATING_FILL: Record<string, string> = {
  True: '#1d6b3a', 'Mostly true': '#3d6b12', Mixed: '#8a5a00', 'Mostly false': '#9a3a0b', False: '#a11d1d', Unverifiable: '#6b6b6b',
};

/** The desk dashboard (issue 10 item 8): editors see verdicts, workload, overdue claims, time to approval. */
export default async function DashboardPage() {
  const actor = await currentActor();
  if (!actor) redirect('/signin');
  if (!can(actor, 'desk:dashboard')) redirect('/queue');
  const now = Date.now();
  const [d, members] = await Promise.all([deskDashboard(actor), listDeskMembers(actor)]);
  const people = members.map(({ id, name, email }) => ({ id, name, email }));
  const owner = (r: (typeof d.reviewers)[number]) => r.reviewer?.name ?? 'Nobody (unassigned)';
  return (
    <div className="page wide">
      <h1>Desk dashboard</h1>
      <ChartFigure title="Overdue claims" chart={null}>
        {d.overdue.length === 0 ? <p className="empty">Nothing is overdue.</p> : (
          <table className="articles" data-testid="overdue-table">
            <thead><tr><th>Claim</th><th>Owner</th><th>Due</th><th>Why</th><th>Reassign</th></tr></thead>
            <tbody>
              {d.overdue.map((c) => (
                <tr key={c.id}>
                  <td><Link href={`/articles/${c.articleId}?claim=${c.id}`}>Claim {c.ordinal} in {c.articleTitle}</Link></td>
                  <td>{c.assignee?.name ?? 'nobody'}</td>
                  <td>{c.dueAt ? <RelativeTime iso={c.dueAt} now={now} /> : 'no due time'}</td>
                  <td>{c.overdue === 'past_due' ? 'past its due time' : 'a day in review with nothing done'}</td>
                  <td><ReassignButton claimId={c.id} ordinal={c.ordinal} version={c.version} members={people} current={c.assignee?.id ?? null} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartFigure>

      <ChartFigure
        title="Open and overdue per reviewer"
        chart={<BarChart label="per reviewer" rows={d.reviewers.map((r) => ({ label: owner(r), value: r.open + r.inReview }))} />}
      >
        <table className="articles" data-testid="reviewer-table">
          <thead><tr><th>Reviewer</th><th>Open</th><th>In review</th><th>Overdue</th></tr></thead>
          <tbody>
            {d.reviewers.length === 0 ? <tr><td colSpan={4} className="empty">No claims are waiting.</td></tr> : null}
            {d.reviewers.map((r) => (
              <tr key={r.reviewer?.id ?? 'nobody'}><td>{owner(r)}</td><td>{r.open}</td><td>{r.inReview}</td><td>{r.overdue}</td></tr>
            ))}
          </tbody>
        </table>
      </ChartFigure>

      <ChartFigure
        title="Verdicts by rating"
        chart={<BarChart label="verdicts" rows={d.verdicts.map((v) => ({ label: v.rating, value: v.count, fill: v.colour ?? RATING_FILL[v.rating] }))} />}
      >
        <table className="articles" data-testid="verdict-table">
          <thead><tr><th>Rating</th><th>Claims</th></tr></thead>
          <tbody>{d.verdicts.map((v) => <tr key={v.rating}><td>{v.rating}</td><td>{v.count}</td></tr>)}</tbody>
        </table>
      </ChartFigure>

      <AgreementFigure figures={d.agreement} title="Agreement between blind reviewers (whole desk)" />

      <ChartFigure title="Time from load to approval" chart={null}>
        <p data-testid="approval-median">
          {d.approval.medianMs === null
            ? 'No approvals yet.'
            : <>Median <strong>{formatDuration(d.approval.medianMs)}</strong> from loading an article to a claim&apos;s first approval, over {d.approval.approved} approved {d.approval.approved === 1 ? 'claim' : 'claims'}.</>}
        </p>
      </ChartFigure>
    </div>
  );
}
