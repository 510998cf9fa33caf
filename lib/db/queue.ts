// "My queue" and the desk dashboard (issue 10 items 2 and 8): reads only. The rules (overdue, order)
// are pure in lib/queue/rules.ts; this file gathers the rows they need.
import 'server-only';
import { assertCan, type Actor } from '../auth/permissions';
import { compareQueue, overdueReason, WAITING_STATUSES, type OverdueReason } from '../queue/rules';
import { deskStats, type DeskStats } from '../queue/dashboard';
import { loadScale } from './verdict-scale';
import { hiddenAuthors } from '../double-check/blind';
import { db } from './client';
import { agreementFigures, type AgreementFigures } from './double-check';

export type QueueClaim = {
  id: string; ordinal: number; quote: string; status: string; version: number;
  articleId: string; articleTitle: string;
  assignee: { id: string; name: string } | null;
  dueAt: string | null; assignedAt: string | null; overdue: OverdueReason;
};

export type QueueMention = {
  commentId: string; claimId: string; claimOrdinal: number; articleId: string; articleTitle: string;
  author: string; body: string; createdAt: string;
};

const who = (p: { email: string; name: string }) => p.name || p.email;

// Claims on the article's current draft only: archived ones and "not a claim" spans wait for nobody.
const liveClaim = { archivedAt: null, status: { in: [...WAITING_STATUSES] as string[] } };

const queueSelect = {
  id: true, ordinal: true, quote: true, status: true, version: true, dueAt: true, assignedAt: true, createdAt: true, updatedAt: true,
  article: { select: { id: true, title: true } },
  assignee: { select: { id: true, email: true, name: true } },
  secondAssignee: { select: { id: true, email: true, name: true } },
} as const;

type QueueRow = {
  id: string; ordinal: number; quote: string; status: string; version: number; dueAt: Date | null; assignedAt: Date | null;
  createdAt: Date; updatedAt: Date; article: { id: string; title: string }; assignee: { id: string; email: string; name: string } | null;
  secondAssignee?: { id: string; email: string; name: string } | null;
};

function toQueueClaim(c: QueueRow, now: Date): QueueClaim {
  return {
    id: c.id, ordinal: c.ordinal, quote: c.quote, status: c.status, version: c.version,
    articleId: c.article.id, articleTitle: c.article.title,
    assignee: c.assignee ? { id: c.assignee.id, name: who(c.assignee) } : null,
    dueAt: c.dueAt?.toISOString() ?? null, assignedAt: c.assignedAt?.toISOString() ?? null,
    overdue: overdueReason({ status: c.status, dueAt: c.dueAt, lastActivityAt: c.updatedAt }, now),
  };
}

/** The signed-in person's claims still to review (due first, then oldest) and unresolved mentions of them. */
export async function myQueue(actor: Actor | null, now = new Date()): Promise<{ claims: QueueClaim[]; mentions: QueueMention[] }> {
  assertCan(actor, 'queue:read');
  const [rows, mentions] = await Promise.all([
    // A second reviewer of a blind double check (decision 031) has the claim in their queue too.
    db().claim.findMany({ where: { OR: [{ assigneeId: actor.id }, { secondAssigneeId: actor.id }], ...liveClaim }, select: queueSelect, take: 1000 }),
    db().commentMention.findMany({
      where: { userId: actor.id, comment: { resolvedAt: null, claim: { archivedAt: null } } },
      select: {
        comment: {
          select: {
            id: true, body: true, createdAt: true, author: { select: { email: true, name: true } },
            authorId: true,
            claim: { select: { id: true, ordinal: true, article: { select: { id: true, title: true } }, assigneeId: true, secondAssigneeId: true, blindVerdicts: { select: { slot: true } } } },
          },
        },
      },
      orderBy: { comment: { createdAt: 'desc' } },
      take: 200,
    }),
  ]);
  return {
    claims: rows.sort(compareQueue).map((c) => toQueueClaim(c, now)),
    // A mention by the other reviewer of a blind double check waits until both ratings are in (decision 031).
    mentions: mentions.filter(({ comment: m }) => !hiddenAuthors(actor, { ...m.claim, slotsIn: m.claim.blindVerdicts.map((b) => b.slot) }).has(m.authorId)).map(({ comment: m }) => ({
      commentId: m.id, claimId: m.claim.id, claimOrdinal: m.claim.ordinal, articleId: m.claim.article.id, articleTitle: m.claim.article.title,
      author: who(m.author), body: m.body, createdAt: m.createdAt.toISOString(),
    })),
  };
}

export type Dashboard = DeskStats & { overdue: QueueClaim[]; agreement: AgreementFigures };

/** The editor's view of the desk: verdicts, workload per reviewer, overdue claims, time to approval. */
export async function deskDashboard(actor: Actor | null, now = new Date()): Promise<Dashboard> {
  assertCan(actor, 'desk:dashboard');
  const [waiting, verdictClaims, approvals, scale] = await Promise.all([
    db().claim.findMany({ where: liveClaim, select: queueSelect, take: 20_000 }),
    // The latest verdict of every reviewed or approved claim still in an article.
    db().claim.findMany({
      where: { archivedAt: null, status: { in: ['reviewed', 'approved'] } },
      select: { verdicts: { orderBy: { createdAt: 'desc' }, take: 1, select: { rating: true } } },
      take: 20_000,
    }),
    // Approval events come from the approval step (issue 10 item 3); the type name is its contract.
    db().event.findMany({
      // A resolved double check (decision 031) is the approval of its claim.
      where: { type: { in: ['verdict.approved', 'double.resolved'] }, targetType: 'claim' },
      orderBy: { at: 'asc' },
      select: { targetId: true, at: true, article: { select: { createdAt: true } } },
      take: 20_000,
    }),
    loadScale(),
  ]);
  const sorted = waiting.sort(compareQueue);
  const claims = sorted.map((c) => toQueueClaim(c, now));
  const stats = deskStats({
    // A blind double check's second reviewer has the claim waiting on them too (decision 031).
    waiting: claims.flatMap((c, i) => {
      const own = { status: c.status, assignee: c.assignee, overdue: c.overdue !== null };
      const second = sorted[i]!.secondAssignee;
      return second ? [own, { ...own, assignee: { id: second.id, name: who(second) } }] : [own];
    }),
    ratings: verdictClaims.flatMap((c) => (c.verdicts[0] ? [c.verdicts[0].rating] : [])),
    scale: scale.entries,
    approvals: approvals.flatMap((e) => (e.article ? [{ claimId: e.targetId, loadedAt: e.article.createdAt, approvedAt: e.at }] : [])),
  });
  return { ...stats, overdue: claims.filter((c) => c.overdue !== null), agreement: await agreementFigures(actor) };
}
