// Every write that changes a claim is versioned (a stale version is 409 carrying the claim as it is
// now), and the approval step: who may approve or send back, what is published before and after,
// the publish gate and the per-article setting. Real database (SQLite or PostgreSQL, per DATABASE_URL).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import type { Actor, Role } from '../auth/permissions';
import type { ClaimDto } from './claim-dto';
import { setApprovalRequired } from './approval';
import { createArticle, getArticle } from './articles';
import { approveVerdict, attachSource, dismissClaim, recordVerdict, removeSource, reuseReview, sendBack, setSpeaker } from './claims';
import { assignClaim } from './assignments';
import { markNotAClaim, mergeClaims, resizeClaim, splitClaim } from './claim-edits';
import { addComment, resolveComment } from './comments';
import { db } from './client';
import { exportArticle } from './exports';
import { listHistory } from './history';
import { setRelationStatus } from './relations';
import { claimVersion, relationVersion, statusOf } from './testing';
import { createUserAsOperator } from './users';
import { decideCorrection, verifyArticle } from './verification';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery staple';
const actors = {} as Record<Role | 'editor2', Actor>;
const source = { url: 'https://example.org/evidence', title: 'Evidence', stance: 'supports' } as const;

before(async () => {
  for (const [key, role] of [['admin', 'admin'], ['editor', 'editor'], ['editor2', 'editor'], ['reviewer', 'reviewer']] as const) {
    const u = await createUserAsOperator({ email: `appr-${key}@example.com`, password: PASSWORD, role });
    actors[key] = { id: u.id, email: u.email, name: '', role };
  }
});

async function conflict(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  assert.ok(e instanceof AppError, 'refused with an AppError');
  assert.equal(e.status, 409, e.message);
  return e;
}

async function article(): Promise<{ id: string; claims: ClaimDto[] }> {
  return createArticle(actors.editor, { title: 'Approval', byline: 'Wire', text: seed });
}

const claimOf = async (articleId: string, id: string) => (await getArticle(actors.editor, articleId)).claims.find((c) => c.id === id)!;

describe('every write is versioned: a stale version is 409 with the colleague\'s change', () => {
  test('every claim-changing action (review, approval, assignment, comments, corrections, attribution, span edits) refuses a stale version and carries the current claim', async () => {
    const { id, claims } = await article();
    const [c, other] = [claims[0]!, claims[1]!];
    await recordVerdict(actors.reviewer, other.id, { rating: 'False', explanation: 'Other.', version: other.version });
    const seen = c.version;
    // A comment posted before (posting takes no version), to be resolved from the stale page.
    const note = await addComment(actors.reviewer, c.id, { body: 'Is 87 the final count?' });
    // A colleague's verdict moves the claim on; everything below was opened before it.
    await recordVerdict(actors.admin, c.id, { rating: 'True', explanation: 'Colleague says true.', correction: 'Colleague correction.', version: seen });
    const src = await attachSource(actors.admin, c.id, { ...source, version: await claimVersion(c.id) });
    const actions: Array<[string, () => Promise<unknown>]> = [
      ['verdict', () => recordVerdict(actors.reviewer, c.id, { rating: 'False', explanation: 'Mine.', version: seen })],
      ['add source', () => attachSource(actors.reviewer, c.id, { ...source, url: 'https://example.org/mine', version: seen })],
      ['remove source', () => removeSource(actors.reviewer, c.id, src.id, { version: seen })],
      ['dismiss', () => dismissClaim(actors.reviewer, c.id, { reason: 'Opinion', version: seen })],
      ['reuse', () => reuseReview(actors.reviewer, c.id, { from: other.id, version: seen })],
      ['approve', () => approveVerdict(actors.editor, c.id, { version: seen })],
      ['send back', () => sendBack(actors.editor, c.id, { comment: 'Needs a source.', version: seen })],
      ['assign', () => assignClaim(actors.editor, c.id, { reviewerId: actors.reviewer.id, due: null, version: seen })],
      ['resolve comment', () => resolveComment(actors.reviewer, note.id, { version: seen })],
      ['correction decision', () => decideCorrection(actors.editor, c.id, { decision: 'accept', version: seen })],
      ['attribution', () => setSpeaker(actors.reviewer, c.id, { name: 'The minister', type: 'Person', version: seen })],
      ['resize', () => resizeClaim(actors.editor, c.id, { start: c.start, end: c.end - 1, version: seen })],
      ['split', () => splitClaim(actors.editor, c.id, { at: c.start + Math.floor((c.end - c.start) / 2), version: seen })],
      ['not a claim', () => markNotAClaim(actors.editor, c.id, { version: seen })],
      // The merge names the stale one of its two claims.
      ['merge', () => mergeClaims(actors.editor, { ids: [c.id, other.id], versions: [seen, other.version + 1] })],
    ];
    const before = await db().event.count({ where: { targetId: c.id } });
    for (const [name, run] of actions) {
      const e = await conflict(run());
      const current = e.details?.current as ClaimDto | undefined;
      assert.ok(current, `${name}: the 409 carries the current claim`);
      assert.equal(current.id, c.id);
      assert.equal(current.version, await claimVersion(c.id), `${name}: the current version`);
      assert.equal(current.verdict?.explanation, 'Colleague says true.', `${name}: the colleague's verdict`);
      assert.deepEqual(current.sources.map((s) => s.url), [source.url], `${name}: the colleague's source`);
    }
    assert.equal(await db().event.count({ where: { targetId: c.id } }), before, 'no refused write left an event');
    const after = await claimOf(id, c.id);
    assert.equal(after.verdict?.rating, 'True');
    assert.equal(after.status, 'reviewed');
  });

  test('confirm and dismiss of a link refuse a stale version and carry the link as it is now', async () => {
    const { id } = await article();
    const rel = (await getArticle(actors.editor, id)).relations[0];
    assert.ok(rel, 'the seed article has a suggested link');
    const seen = rel.version;
    assert.equal((await setRelationStatus(actors.admin, rel.id, 'confirmed', { version: seen })).version, seen + 1);
    const e = await conflict(setRelationStatus(actors.reviewer, rel.id, 'dismissed', { version: seen }));
    assert.equal((e.details?.current as { status: string }).status, 'confirmed');
    assert.equal((await getArticle(actors.editor, id)).relations.find((r) => r.id === rel.id)?.status, 'confirmed');
    // With the version they now see, the reviewer's dismissal goes through.
    assert.equal((await setRelationStatus(actors.reviewer, rel.id, 'dismissed', { version: await relationVersion(rel.id) })).status, 'dismissed');
  });

  test('version is required on every claim write', async () => {
    const { claims } = await article();
    const c = claims[0]!;
    for (const run of [
      () => attachSource(actors.reviewer, c.id, source),
      () => removeSource(actors.reviewer, c.id, 'x', {}),
      () => setRelationStatus(actors.reviewer, 'x', 'confirmed', {}),
      () => approveVerdict(actors.editor, c.id, {}),
      () => sendBack(actors.editor, c.id, { comment: 'x' }),
    ]) {
      const e = await run().then(() => null, (x: unknown) => x);
      assert.ok(e instanceof AppError && e.status === 422 && e.fields?.version, 'a missing version is 422 on the version field');
    }
  });
});

describe('approval', () => {
  test('permission matrix: editors and admins approve and send back; reviewers 403; no session 401', async () => {
    const { id, claims } = await article();
    const rated = claims.slice(0, 6);
    for (const c of rated) await recordVerdict(actors.reviewer, c.id, { rating: 'Mixed', explanation: 'Two figures.', version: c.version });
    const v = (i: number) => claimVersion(rated[i]!.id);
    assert.equal(await statusOf(approveVerdict(null, rated[0]!.id, { version: await v(0) })), 401);
    assert.equal(await statusOf(sendBack(null, rated[0]!.id, { comment: 'x', version: await v(0) })), 401);
    assert.equal(await statusOf(approveVerdict(actors.reviewer, rated[0]!.id, { version: await v(0) })), 403);
    assert.equal(await statusOf(sendBack(actors.reviewer, rated[0]!.id, { comment: 'x', version: await v(0) })), 403);
    assert.equal(await statusOf(setApprovalRequired(actors.reviewer, id, { approvalRequired: false })), 403);
    assert.equal(await statusOf(setApprovalRequired(null, id, { approvalRequired: false })), 401);
    assert.equal(await statusOf(approveVerdict(actors.editor, rated[1]!.id, { version: await v(1) })), 200);
    assert.equal(await statusOf(approveVerdict(actors.admin, rated[2]!.id, { version: await v(2) })), 200);
    assert.equal(await statusOf(sendBack(actors.editor, rated[3]!.id, { comment: 'Which figure?', version: await v(3) })), 200);
    assert.equal(await statusOf(sendBack(actors.admin, rated[4]!.id, { comment: 'Source?', version: await v(4) })), 200);
  });

  test('an unapproved verdict awaits approval on screen, is not published, and the gate lists it', async () => {
    const { id, claims } = await article();
    for (const c of claims) {
      if (!c.checkworthy) continue;
      await attachSource(actors.reviewer, c.id, { ...source, version: await claimVersion(c.id) });
      await recordVerdict(actors.reviewer, c.id, { rating: 'False', explanation: 'No record.', version: await claimVersion(c.id) });
    }
    const target = claims.find((c) => c.checkworthy)!;
    const shown = await claimOf(id, target.id);
    assert.equal(shown.publicState.kind, 'awaiting');
    assert.equal(shown.publicState.label, 'Awaiting approval');
    assert.equal(shown.publicState.rating, null);
    assert.equal(shown.publishedVerdict, null);
    const csv = (await exportArticle(actors.editor, id, 'csv')).body as string;
    assert.doesNotMatch(csv, /No record\./, 'an unapproved verdict is not exported');
    const refused = await verifyArticle(actors.editor, id, {}).then(() => null, (e: unknown) => e as AppError);
    const missing = (refused?.details?.missing ?? []) as Array<{ problem: string }>;
    assert.ok(missing.length > 0 && missing.every((m) => m.problem === 'not_approved'), 'the gate lists every unapproved verdict');

    // The author cannot approve their own verdict: approval is a second person's check.
    await recordVerdict(actors.editor, target.id, { rating: 'Mostly false', explanation: 'Editor re-rated.', version: await claimVersion(target.id) });
    assert.equal(await statusOf(approveVerdict(actors.editor, target.id, { version: await claimVersion(target.id) })), 403);
    const approved = await approveVerdict(actors.editor2, target.id, { version: await claimVersion(target.id) });
    assert.equal(approved.status, 'approved');
    const now = await claimOf(id, target.id);
    assert.equal(now.publicState.kind, 'rated');
    assert.equal(now.publicState.rating, 'Mostly false');
    assert.equal(now.approvedVerdict?.explanation, 'Editor re-rated.');
    assert.match((await exportArticle(actors.editor, id, 'csv')).body as string, /Editor re-rated\./);
    // Approving twice is refused with a reason.
    assert.equal(await statusOf(approveVerdict(actors.editor2, target.id, { version: await claimVersion(target.id) })), 409);

    // A newer verdict leaves the approved one published until it is approved in turn.
    await recordVerdict(actors.reviewer, target.id, { rating: 'True', explanation: 'Found the record.', version: await claimVersion(target.id) });
    const pending = await claimOf(id, target.id);
    assert.equal(pending.publicState.kind, 'rated');
    assert.equal(pending.publicState.rating, 'Mostly false');
    assert.equal(pending.publicState.pendingApproval, true);
    assert.equal(pending.verdict?.rating, 'True');
    assert.match((await exportArticle(actors.editor, id, 'csv')).body as string, /Editor re-rated\./);
    assert.doesNotMatch((await exportArticle(actors.editor, id, 'csv')).body as string, /Found the record\./);
  });

  test('send-back stores the comment in history, returns the claim to review and withdraws an approval', async () => {
    const { id, claims } = await article();
    const c = claims[0]!;
    await recordVerdict(actors.reviewer, c.id, { rating: 'True', explanation: 'Fine.', version: c.version });
    await approveVerdict(actors.editor, c.id, { version: await claimVersion(c.id) });
    const back = await sendBack(actors.editor2, c.id, { comment: 'The toll is 86, not 87.', version: await claimVersion(c.id) });
    assert.equal(back.status, 'in_review');
    const now = await claimOf(id, c.id);
    assert.equal(now.status, 'in_review');
    assert.equal(now.approvedVerdict, null, 'the approval is withdrawn');
    assert.notEqual(now.publicState.kind, 'rated');
    const history = await listHistory(actors.reviewer, id);
    const event = history.find((e) => e.type === 'verdict.sent-back');
    assert.equal((event?.after as { comment?: string } | null)?.comment, 'The toll is 86, not 87.');
    assert.ok(history.some((e) => e.type === 'verdict.approved'));
    // Nothing to send back or approve on a claim without a verdict.
    assert.equal(await statusOf(sendBack(actors.editor, c.id, { comment: 'Again?', version: await claimVersion(c.id) })), 409);
    assert.equal(await statusOf(approveVerdict(actors.editor, claims[1]!.id, { version: claims[1]!.version })), 409);
  });

  test('an article without a second editor switches approval off: the latest verdict is published, in history', async () => {
    const { id, claims } = await article();
    const c = claims[0]!;
    await recordVerdict(actors.reviewer, c.id, { rating: 'True', explanation: 'Fine.', version: c.version });
    assert.equal((await claimOf(id, c.id)).publicState.kind, 'awaiting');
    await setApprovalRequired(actors.editor, id, { approvalRequired: false });
    const now = await claimOf(id, c.id);
    assert.equal(now.publicState.kind, 'rated');
    assert.equal(now.publishedVerdict?.explanation, 'Fine.');
    assert.equal((await getArticle(actors.reviewer, id)).approvalRequired, false);
    assert.ok((await listHistory(actors.reviewer, id)).some((e) => e.type === 'article.approval-set'));
    assert.equal(await statusOf(setApprovalRequired(actors.editor, id, { approvalRequired: 'no' })), 422);
  });

  test('a source on an open claim starts its review (open -> in_review)', async () => {
    const { id, claims } = await article();
    const c = claims[0]!;
    await attachSource(actors.reviewer, c.id, { ...source, version: c.version });
    assert.equal((await claimOf(id, c.id)).status, 'in_review');
  });
});
