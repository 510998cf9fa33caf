// The desk working together (issue 10 items 2, 5, 7, 8) on a real database (SQLite or PostgreSQL,
// per DATABASE_URL): assignment, My queue, comments with @mentions, the dashboard. The role matrix
// for every new action, 409 on a stale version, 422 for a bad assignee, and history for each write.
// Named to sort after data-layer.itest.ts, which needs the empty database (first account is admin).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import type { Actor, Role } from '../auth/permissions';
import { createArticle, getArticle } from './articles';
import { assignArticle, assignClaim, listDeskMembers } from './assignments';
import { dismissClaim, recordVerdict } from './claims';
import { db } from './client';
import { addComment, listComments, resolveComment } from './comments';
import { listHistory } from './history';
import { deskDashboard, myQueue } from './queue';
import { loadRevision } from './revisions';
import { createUserAsOperator, deactivateUser } from './users';
import { statusOf } from './testing';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery staple';
const actors = {} as Record<Role, Actor>;
let second: Actor;
const ROLES = ['admin', 'editor', 'reviewer'] as const;

before(async () => {
  for (const role of ROLES) {
    const u = await createUserAsOperator({ email: `desk-${role}@example.com`, name: `Desk ${role}`, password: PASSWORD, role });
    actors[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  const u = await createUserAsOperator({ email: 'desk-ana@example.com', name: 'Ana Ruiz', password: PASSWORD, role: 'reviewer' });
  second = { id: u.id, email: u.email, name: u.name, role: 'reviewer' };
});

const load = async (title: string) => (await createArticle(actors.editor, { title, byline: 'Wire', text: seed })).id;
const claimsOf = async (id: string) => (await getArticle(actors.reviewer, id)).claims;
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('the role matrix for the desk actions', () => {
  test('assign: editors and admins yes, reviewers 403, nobody 401; queue for all; dashboard editors up', async () => {
    const id = await load('Matrix');
    const expectAssign = { admin: 200, editor: 200, reviewer: 403 } as const;
    for (const [i, role] of ROLES.entries()) {
      // Re-read each time: an article assignment bumps every waiting claim's version.
      const c = (await claimsOf(id))[i]!;
      assert.equal(await statusOf(assignClaim(actors[role], c.id, { reviewerId: actors.reviewer.id, version: c.version })), expectAssign[role], `${role} assigns a claim`);
      assert.equal(await statusOf(assignArticle(actors[role], id, { reviewerId: actors.reviewer.id })), expectAssign[role], `${role} assigns the article`);
      assert.equal(await statusOf(myQueue(actors[role])), 200, `${role} reads their queue`);
      assert.equal(await statusOf(deskDashboard(actors[role])), role === 'reviewer' ? 403 : 200, `${role} reads the dashboard`);
      assert.equal(await statusOf(addComment(actors[role], (await claimsOf(id))[0]!.id, { body: `from ${role}` })), 200, `${role} comments`);
      assert.equal(await statusOf(listComments(actors[role], c.id)), 200, `${role} reads comments`);
    }
    const c = (await claimsOf(id))[0]!;
    const { comments } = await listComments(actors.reviewer, c.id);
    for (const [i, role] of ROLES.entries()) {
      const version = (await listComments(actors.reviewer, c.id)).version;
      assert.equal(await statusOf(resolveComment(actors[role], comments[i]!.id, { version })), 200, `${role} resolves a comment`);
    }
    for (const p of [
      assignClaim(null, c.id, { reviewerId: actors.reviewer.id, version: c.version }), assignArticle(null, id, { reviewerId: actors.reviewer.id }),
      myQueue(null), deskDashboard(null), addComment(null, c.id, { body: 'x' }), listComments(null, c.id), resolveComment(null, comments[0]!.id, { version: 1 }),
      listDeskMembers(null),
    ]) assert.equal(await statusOf(p), 401);
  });
});

describe('assignment and My queue', () => {
  test('assigning an open claim puts it in review, bumps its version and records who and when', async () => {
    const id = await load('Assign one');
    const c = (await claimsOf(id))[0]!;
    assert.equal(c.status, 'open');
    const due = inHours(5);
    const r = await assignClaim(actors.editor, c.id, { reviewerId: actors.reviewer.id, due, version: c.version });
    assert.equal(r.status, 'in_review');
    assert.equal(r.version, c.version + 1);
    const after = (await claimsOf(id))[0]!;
    assert.equal(after.status, 'in_review');
    assert.deepEqual(after.assignee, { id: actors.reviewer.id, name: 'Desk reviewer' });
    assert.equal(after.dueAt, new Date(due).toISOString());
    const e = (await listHistory(actors.reviewer, id)).filter((x) => x.type === 'claim.assigned');
    assert.equal(e.length, 1);
    assert.equal(e[0]!.actor, actors.editor.email);
    assert.deepEqual(e[0]!.before, { assigneeId: null, assignee: null, dueAt: null, status: 'open' });
    assert.equal((e[0]!.after as { assigneeId: string }).assigneeId, actors.reviewer.id);
  });

  test('a stale version is 409 and changes nothing; a bad or inactive assignee is 422; no claim is 404', async () => {
    const id = await load('Assign refused');
    const c = (await claimsOf(id))[0]!;
    await recordVerdict(actors.reviewer, c.id, { rating: 'True', explanation: 'Checked.', version: c.version });
    const eventsBefore = (await listHistory(actors.editor, id)).length;
    assert.equal(await statusOf(assignClaim(actors.editor, c.id, { reviewerId: second.id, version: c.version })), 409);
    assert.equal((await claimsOf(id))[0]!.assignee, null);
    assert.equal((await listHistory(actors.editor, id)).length, eventsBefore, 'no event for a refused write');

    const gone = await createUserAsOperator({ email: 'desk-gone@example.com', password: PASSWORD, role: 'reviewer' });
    await deactivateUser(actors.admin, gone.id);
    const fresh = (await claimsOf(id))[0]!;
    assert.equal(await statusOf(assignClaim(actors.editor, fresh.id, { reviewerId: gone.id, version: fresh.version })), 422);
    assert.equal(await statusOf(assignClaim(actors.editor, fresh.id, { reviewerId: 'no-such-user', version: fresh.version })), 422);
    assert.equal(await statusOf(assignClaim(actors.editor, fresh.id, { reviewerId: second.id, due: 'tomorrow', version: fresh.version })), 422);
    assert.equal(await statusOf(assignClaim(actors.editor, fresh.id, { reviewerId: second.id })), 422, 'version is required');
    assert.equal(await statusOf(assignClaim(actors.editor, 'no-such-claim', { reviewerId: second.id, version: 1 })), 404);
    assert.equal(await statusOf(assignArticle(actors.editor, 'no-such-article', { reviewerId: second.id })), 404);
    // A reviewed claim keeps its status when reassigned.
    const r = await assignClaim(actors.editor, fresh.id, { reviewerId: second.id, version: fresh.version });
    assert.equal(r.status, 'reviewed');
  });

  test('My queue: only my waiting claims, due soonest first, then oldest; past due is flagged; done claims leave', async () => {
    const id = await load('Queue order');
    const [a, b, c, d] = await claimsOf(id);
    const mine = async () => (await myQueue(second)).claims.filter((x) => x.articleId === id);
    await assignClaim(actors.editor, a!.id, { reviewerId: second.id, version: a!.version });
    await assignClaim(actors.editor, b!.id, { reviewerId: second.id, due: inHours(48), version: b!.version });
    await assignClaim(actors.editor, c!.id, { reviewerId: second.id, due: inHours(-1), version: c!.version });
    await assignClaim(actors.editor, d!.id, { reviewerId: actors.reviewer.id, version: d!.version });
    const q = await mine();
    assert.deepEqual(q.map((x) => x.id), [c!.id, b!.id, a!.id]);
    assert.deepEqual(q.map((x) => x.overdue), ['past_due', null, null]);
    assert.ok(!(await myQueue(actors.reviewer)).claims.some((x) => x.id === c!.id), 'not in a colleague\'s queue');
    const dashboard = await deskDashboard(actors.editor);
    assert.ok(dashboard.overdue.some((x) => x.id === c!.id && x.assignee?.id === second.id), 'the editor sees it overdue');
    const row = dashboard.reviewers.find((r) => r.reviewer?.id === second.id)!;
    assert.ok(row.overdue >= 1 && row.inReview >= 3);
    // Reviewed: out of the queue and no longer overdue.
    const cNow = q[0]!;
    await recordVerdict(second, cNow.id, { rating: 'False', explanation: 'No.', version: cNow.version });
    assert.deepEqual((await mine()).map((x) => x.id), [b!.id, a!.id]);
    assert.ok(!(await deskDashboard(actors.editor)).overdue.some((x) => x.id === c!.id));
  });

  test('assigning an article gives its waiting claims to one reviewer, and new sentences of a later draft too', async () => {
    const id = await load('Whole article');
    const claims = await claimsOf(id);
    await dismissClaim(actors.reviewer, claims[1]!.id, { reason: 'Opinion.', version: claims[1]!.version });
    const r = await assignArticle(actors.editor, id, { reviewerId: second.id, due: inHours(3) });
    assert.equal(r.assigned, claims.length - 1);
    const after = await claimsOf(id);
    assert.equal(after.filter((c) => c.assignee?.id === second.id).length, claims.length - 1);
    assert.equal(after[1]!.assignee, null, 'a dismissed claim is not handed out');
    assert.ok(after.every((c) => c.status !== 'open'));
    assert.ok(after.filter((c) => c.id !== claims[1]!.id).every((c) => c.version === claims.find((x) => x.id === c.id)!.version + 1));
    const history = await listHistory(actors.editor, id);
    assert.equal(history.filter((e) => e.type === 'article.assigned').length, 1);
    assert.equal(history.filter((e) => e.type === 'claim.assigned').length, claims.length - 1);

    await loadRevision(actors.editor, id, { text: `${seed}\n\nThe ministry said 4,200 people were evacuated on Tuesday.\n` });
    const added = (await claimsOf(id)).find((c) => c.quote.includes('4,200'));
    assert.ok(added, 'the new sentence is a claim');
    assert.equal(added.assignee?.id, second.id);
    assert.equal(added.status, 'in_review');
  });
});

describe('comments', () => {
  test('a comment with an @mention reaches the colleague\'s queue until resolved; both are in history', async () => {
    const id = await load('Comments');
    const c = (await claimsOf(id))[0]!;
    const body = '@Ana Ruiz is the <b>87</b> figure from the ministry? =SUM(A1)';
    const made = await addComment(actors.reviewer, c.id, { body });
    assert.equal(made.body, body, 'stored exactly as typed');
    assert.deepEqual(made.mentions, [{ id: second.id, name: 'Ana Ruiz' }]);
    const mention = (await myQueue(second)).mentions.find((m) => m.commentId === made.id);
    assert.ok(mention);
    assert.equal(mention.claimId, c.id);
    assert.equal(mention.author, 'Desk reviewer');
    assert.ok(!(await myQueue(actors.editor)).mentions.some((m) => m.commentId === made.id));

    // Posting takes no version (nothing to overwrite); resolving does.
    const stale = c.version;
    await recordVerdict(actors.editor, c.id, { rating: 'True', explanation: 'Yes.', version: c.version });
    assert.equal(await statusOf(resolveComment(second, made.id, { version: stale })), 409);
    assert.equal((await listComments(second, c.id)).comments[0]!.resolvedAt, null);
    const { version } = await listComments(second, c.id);
    const resolved = await resolveComment(second, made.id, { version });
    assert.equal(resolved.version, version + 1);
    assert.equal(resolved.comment.resolvedBy, 'Ana Ruiz');
    assert.equal(await statusOf(resolveComment(second, made.id, { version: resolved.version })), 409, 'already resolved');
    assert.ok(!(await myQueue(second)).mentions.some((m) => m.commentId === made.id), 'resolved mentions leave the queue');
    const types = (await listHistory(actors.editor, id)).filter((e) => e.target.id === c.id).map((e) => e.type);
    assert.ok(types.includes('comment.added') && types.includes('comment.resolved'));
  });

  test('empty or oversized comments are 422; unknown claim or comment 404; mentioning yourself notifies nobody', async () => {
    const id = await load('Comments refused');
    const c = (await claimsOf(id))[0]!;
    assert.equal(await statusOf(addComment(actors.reviewer, c.id, { body: '   ' })), 422);
    assert.equal(await statusOf(addComment(actors.reviewer, c.id, { body: 'x'.repeat(5001) })), 422);
    assert.equal(await statusOf(addComment(actors.reviewer, c.id, {})), 422);
    assert.equal(await statusOf(addComment(actors.reviewer, 'nope', { body: 'hi' })), 404);
    assert.equal(await statusOf(resolveComment(actors.reviewer, 'nope', { version: 1 })), 404);
    const self = await addComment(second, c.id, { body: 'note to @Ana Ruiz' });
    assert.deepEqual(self.mentions, []);
  });
});

describe('dashboard', () => {
  test('verdicts by rating and the median time to approval from verdict.approved events', async () => {
    const before = await deskDashboard(actors.editor);
    const id = await load('Dashboard');
    const c = (await claimsOf(id))[0]!;
    await recordVerdict(actors.reviewer, c.id, { rating: 'Mostly false', explanation: 'Off by a lot.', version: c.version });
    const after = await deskDashboard(actors.editor);
    const n = (d: typeof before) => d.verdicts.find((v) => v.rating === 'Mostly false')!.count;
    assert.equal(n(after), n(before) + 1);
    // The approval step is another branch's; its event type name is the contract.
    const loadedAt = (await db().article.findUnique({ where: { id }, select: { createdAt: true } }))!.createdAt;
    await db().event.create({ data: { articleId: id, actorId: actors.editor.id, type: 'verdict.approved', targetType: 'claim', targetId: c.id, at: new Date(loadedAt.getTime() + 90 * 60_000) } });
    const approved = await deskDashboard(actors.editor);
    assert.equal(approved.approval.approved, before.approval.approved + 1);
    assert.notEqual(approved.approval.medianMs, null);
  });
});
