// Blind double verification (decision 031) on a real database (SQLite or PostgreSQL, per DATABASE_URL):
// who may do what, and every read path a reviewer has, checked for the other reviewer's work while
// the check is blind. Each leak test plants a marker in the first reviewer's rating, source and comment
// and looks for it (and the rating's name) in what the second reviewer is given.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import type { Actor, Role } from '../auth/permissions';
import { historyResponse } from '../http/history-response';
import { articleBody, articleEtag } from './article-read';
import { createArticle, getArticle } from './articles';
import { assignArticle, assignClaim } from './assignments';
import { approveVerdict, attachSource, dismissClaim, recordVerdict, reuseReview, sendBack } from './claims';
import { addComment, listComments } from './comments';
import { findArchiveMatches } from './archive';
import { agreementFigures, resolveDoubleCheck, setDoubleCheck } from './double-check';
import { markNotAClaim, mergeClaims, splitClaim } from './claim-edits';
import { exportArticle } from './exports';
import { exportReviewArchive } from './review-archive';
import { listHistory } from './history';
import { liveEventsAfter, loadLiveEvent } from './live-events';
import { deskDashboard, myQueue } from './queue';
import { claimVersion, statusOf } from './testing';
import { createUserAsOperator } from './users';
import { db } from './client';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery staple';
type Key = Role | 'ann' | 'bob' | 'cat';
const actors = {} as Record<Key, Actor>;

// What only Ann (the first reviewer) wrote: none of it may reach Bob before his rating is in.
const SECRET = 'ANN-SECRET-7f3a';
const ANN_RATING = 'Mostly false';

before(async () => {
  for (const [key, role] of [['admin', 'admin'], ['editor', 'editor'], ['reviewer', 'reviewer'], ['ann', 'reviewer'], ['bob', 'reviewer'], ['cat', 'reviewer']] as const) {
    const u = await createUserAsOperator({ email: `dbl-${key}@example.com`, password: PASSWORD, role, name: `Dbl ${key}` });
    actors[key] = { id: u.id, email: u.email, name: `Dbl ${key}`, role };
  }
});

async function refused(p: Promise<unknown>, status: number): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  assert.ok(e instanceof AppError, 'refused with an AppError');
  assert.equal(e.status, status, e.message);
  return e;
}

/** A fresh article with the setting on and its first claim given to Ann and Bob. */
async function doubleChecked(title = 'Double', beforePair?: (claimId: string) => Promise<unknown>) {
  const article = await createArticle(actors.editor, { title, byline: 'Wire', text: seed });
  await setDoubleCheck(actors.editor, article.id, { doubleCheck: true });
  const claim = article.claims[0]!;
  await beforePair?.(claim.id);
  await assignClaim(actors.editor, claim.id, { reviewerId: actors.ann.id, secondReviewerId: actors.bob.id, version: await claimVersion(claim.id) });
  return { articleId: article.id, claimId: claim.id };
}

/** Ann rates with the marker, adds a source with it and comments with it, mentioning Bob. */
async function annWorks(claimId: string) {
  await attachSource(actors.ann, claimId, { url: `https://example.org/${SECRET}`, title: `Source ${SECRET}`, stance: 'refutes', version: await claimVersion(claimId) });
  await addComment(actors.ann, claimId, { body: `@Dbl bob look at ${SECRET}` });
  await recordVerdict(actors.ann, claimId, { rating: ANN_RATING, explanation: `Because ${SECRET}`, version: await claimVersion(claimId) });
}

const leaks = (value: unknown) => {
  // The article body lists the verdict scale (decision 032), every rating name included: that list
  // says nothing about Ann's rating, so it is left out of the search.
  let v = value;
  if (typeof v === 'string') try { v = JSON.parse(v) as unknown; } catch { /* not JSON: search the text */ }
  if (v && typeof v === 'object' && 'verdictScale' in v) { const { verdictScale: _scale, ...rest } = v as Record<string, unknown>; v = rest; }
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.includes(SECRET) || text.includes(ANN_RATING);
};

describe('permission matrix of the double-check actions', () => {
  test('the setting: editors and admins; reviewers 403; nobody signed in 401', async () => {
    const { id } = await createArticle(actors.editor, { title: 'Setting', byline: '', text: seed });
    assert.equal(await statusOf(setDoubleCheck(null, id, { doubleCheck: true })), 401);
    assert.equal(await statusOf(setDoubleCheck(actors.reviewer, id, { doubleCheck: true })), 403);
    assert.equal(await statusOf(setDoubleCheck(actors.editor, id, { doubleCheck: 'yes' })), 422);
    assert.equal(await statusOf(setDoubleCheck(actors.editor, 'nope', { doubleCheck: true })), 404);
    assert.equal(await statusOf(setDoubleCheck(actors.editor, id, { doubleCheck: true })), 200);
    assert.equal(await statusOf(setDoubleCheck(actors.admin, id, { doubleCheck: false })), 200);
    const history = await listHistory(actors.editor, id);
    assert.deepEqual(history.filter((e) => e.type === 'article.double-check-set').map((e) => e.after), [{ doubleCheck: true }, { doubleCheck: false }]);
    assert.equal((await getArticle(actors.reviewer, id)).doubleCheck, false);
  });

  test('assigning a pair: editors only, setting on, two different active people; the old API still works', async () => {
    const { id, claims } = await createArticle(actors.editor, { title: 'Pairs', byline: '', text: seed });
    const c = claims[0]!;
    const pair = async (who: Actor | null, second: string | null) => assignClaim(who, c.id, { reviewerId: actors.ann.id, secondReviewerId: second, version: await claimVersion(c.id) });
    const off = await refused(pair(actors.editor, actors.bob.id), 409);
    assert.match(off.message, /Turn on "two independent verdicts"/);
    await setDoubleCheck(actors.editor, id, { doubleCheck: true });
    assert.equal(await statusOf(pair(actors.reviewer, actors.bob.id)), 403);
    assert.equal(await statusOf(pair(null, actors.bob.id)), 401);
    assert.equal((await refused(pair(actors.editor, actors.ann.id), 422)).fields?.secondReviewerId, 'Same person as the first reviewer.');
    assert.equal(await statusOf(pair(actors.editor, 'no-such-user')), 422);
    assert.equal(await statusOf(pair(actors.admin, actors.bob.id)), 200);
    // Without the field an assignment keeps the pair (callers that know nothing of double checks).
    const kept = await assignClaim(actors.editor, c.id, { reviewerId: actors.ann.id, version: await claimVersion(c.id) });
    assert.equal(kept.secondAssignee?.id, actors.bob.id);
    const off2 = await refused(setDoubleCheck(actors.editor, id, { doubleCheck: false }), 409);
    assert.match(off2.message, /1 claim is being double-checked/);
    // The whole article: every waiting claim gets the pair.
    const all = await assignArticle(actors.editor, id, { reviewerId: actors.cat.id, secondReviewerId: actors.bob.id });
    assert.ok(all.assigned > 1);
    const after = await getArticle(actors.editor, id);
    assert.ok(after.claims.filter((x) => x.status === 'in_review').every((x) => x.secondAssignee?.id === actors.bob.id && x.assignee?.id === actors.cat.id));
  });

  test('only the two assigned reviewers rate; an editor resolves (reviewers 403), and only once both are in', async () => {
    const { articleId, claimId } = await doubleChecked('Who rates');
    const rate = async (who: Actor) => recordVerdict(who, claimId, { rating: 'True', explanation: 'x', version: await claimVersion(claimId) });
    assert.equal(await statusOf(rate(actors.cat)), 403);
    assert.equal(await statusOf(rate(actors.editor)), 403);
    assert.equal(await statusOf(rate(actors.ann)), 200);
    assert.equal((await db().claim.findUnique({ where: { id: claimId }, select: { status: true } }))?.status, 'in_review');
    const early = await refused(resolveDoubleCheck(actors.editor, claimId, { choose: 'first', version: await claimVersion(claimId) }), 409);
    assert.match(early.message, /Both reviewers rate/);
    assert.equal(await statusOf(approveVerdict(actors.editor, claimId, { version: await claimVersion(claimId) })), 409);
    const neighbour = (await getArticle(actors.editor, articleId)).claims[1]!;
    await recordVerdict(actors.reviewer, neighbour.id, { rating: 'True', explanation: 'n', version: await claimVersion(neighbour.id) });
    const reuse = await refused(reuseReview(actors.ann, claimId, { from: neighbour.id, version: await claimVersion(claimId) }), 409);
    assert.match(reuse.message, /rate it yourself/);
    // Ann may change her mind while Bob has not rated.
    assert.equal(await statusOf(rate(actors.ann)), 200);
    assert.equal(await statusOf(rate(actors.bob)), 200);
    assert.equal((await db().claim.findUnique({ where: { id: claimId }, select: { status: true } }))?.status, 'reviewed');
    assert.equal(await statusOf(rate(actors.ann)), 409, 'both in: the ratings are frozen');
    // Ann has rated: she stays on the claim.
    const replace = await refused(assignClaim(actors.editor, claimId, { reviewerId: actors.cat.id, version: await claimVersion(claimId) }), 409);
    assert.match(replace.message, /already rated this claim blind/);
    const resolve = async (who: Actor | null) => resolveDoubleCheck(who, claimId, { choose: 'second', version: await claimVersion(claimId) });
    assert.equal(await statusOf(resolve(null)), 401);
    assert.equal(await statusOf(resolve(actors.ann)), 403);
    assert.equal(await statusOf(resolve(actors.reviewer)), 403);
    assert.equal(await statusOf(resolveDoubleCheck(actors.editor, claimId, { version: await claimVersion(claimId) })), 422);
    assert.equal(await statusOf(resolveDoubleCheck(actors.editor, claimId, { choose: 'first', version: (await claimVersion(claimId)) - 1 })), 409);
    assert.equal(await statusOf(resolve(actors.admin)), 200);
    assert.equal(await statusOf(resolve(actors.editor)), 409, 'resolved once');
  });
});

describe('blind: no read path gives Bob what Ann wrote until his rating is in', () => {
  let articleId = '';
  let claimId = '';
  before(async () => {
    // The claim also has an earlier ordinary verdict (given before the double check), so it is in the
    // review archive: archive matches from another article must not show its sources either.
    ({ articleId, claimId } = await doubleChecked('Leaks', async (id) =>
      recordVerdict(actors.editor, id, { rating: 'Mixed', explanation: 'Editor first look.', version: await claimVersion(id) })));
    await annWorks(claimId);
  });

  test('GET article (and the per-viewer read cache): no rating, verdict, source or comment of Ann; that she rated is shown', async () => {
    // Editors read first so the cache holds their full body.
    const editorRead = await articleEtag(actors.editor, articleId);
    assert.ok(leaks(await articleBody(actors.editor, articleId, editorRead)), 'the editor sees Ann\'s work (the test can fail)');
    const bobRead = await articleEtag(actors.bob, articleId);
    assert.notEqual(bobRead.etag, editorRead.etag, 'ETags are per viewer');
    const body = await articleBody(actors.bob, articleId, bobRead);
    assert.equal(leaks(body), false);
    const claim = (await getArticle(actors.bob, articleId)).claims.find((c) => c.id === claimId)!;
    assert.equal(leaks(claim), false);
    assert.deepEqual({ phase: claim.doubleCheck?.phase, firstIn: claim.doubleCheck?.firstIn, first: claim.doubleCheck?.first, agree: claim.doubleCheck?.agree },
      { phase: 'blind', firstIn: true, first: null, agree: null });
    // A third reviewer sees neither side; Ann sees her own.
    assert.equal(leaks(await getArticle(actors.cat, articleId)), false);
    const annView = (await getArticle(actors.ann, articleId)).claims.find((c) => c.id === claimId)!;
    assert.equal(annView.doubleCheck?.first?.rating, ANN_RATING);
    const editorView = (await getArticle(actors.editor, articleId)).claims.find((c) => c.id === claimId)!;
    assert.equal(editorView.doubleCheck?.first?.explanation, `Because ${SECRET}`);
  });

  test('a 409 on a stale write carries the claim as Bob may see it', async () => {
    const e = await refused(attachSource(actors.bob, claimId, { url: 'https://example.org/bob', title: 'Bob', stance: 'supports', version: 1 }), 409);
    assert.ok(e.details?.current);
    assert.equal(leaks(e.details), false);
  });

  test('claim and article history, and their CSV and JSON downloads', async () => {
    assert.ok(leaks(await listHistory(actors.editor, articleId)), 'the editor reads it all');
    const history = await listHistory(actors.bob, articleId);
    assert.equal(leaks(history), false);
    assert.ok(history.some((e) => e.type === 'verdict.blind' && e.redacted), 'the row is there, without its content');
    for (const format of [null, 'csv', 'json']) {
      const q = format ? `?format=${format}` : '';
      const a = await historyResponse(new Request(`http://x/api/articles/${articleId}/history${q}`), actors.bob, articleId);
      assert.equal(leaks(await a.text()), false, `article history ${format ?? 'json body'}`);
      const c = await historyResponse(new Request(`http://x/api/claims/${claimId}/history${q}`), actors.bob, articleId, claimId);
      assert.equal(leaks(await c.text()), false, `claim history ${format ?? 'json body'}`);
    }
  });

  test('the live stream: frames and replays carry no payload', async () => {
    const first = await db().event.findFirst({ where: { articleId }, orderBy: { at: 'asc' }, select: { id: true } });
    const replay = await liveEventsAfter(actors.bob, articleId, first!.id);
    assert.ok(replay && replay.some((e) => e.type === 'verdict.blind'));
    assert.equal(leaks(replay), false);
    const ids = await db().event.findMany({ where: { articleId, targetId: claimId }, select: { id: true } });
    for (const { id } of ids) assert.equal(leaks(await loadLiveEvent(id)), false);
  });

  test('comments, the queue (and its mentions), archive matches, the agreement figure; exports and the dashboard are editors\'', async () => {
    assert.ok(leaks(await listComments(actors.editor, claimId)));
    assert.equal(leaks(await listComments(actors.bob, claimId)), false);
    const queue = await myQueue(actors.bob);
    assert.ok(queue.claims.some((c) => c.id === claimId), 'the claim is in the second reviewer\'s queue');
    assert.equal(leaks(queue), false);
    const other = await createArticle(actors.editor, { title: 'Same story', byline: '', text: seed });
    // Other tests' articles hold this seed's claims with every rating, so here the marker and the claim's id count.
    for (const c of other.claims.slice(0, 3)) {
      const matches = await findArchiveMatches(actors.bob, c.id);
      assert.equal(JSON.stringify(matches).includes(SECRET), false);
      assert.equal(matches.some((m) => m.claimId === claimId), false);
    }
    assert.equal((await agreementFigures(actors.bob, articleId)).n, 0);
    assert.equal(await statusOf(exportArticle(actors.bob, articleId, 'csv')), 403);
    assert.equal(await statusOf(deskDashboard(actors.bob)), 403);
    const workload = (await deskDashboard(actors.editor)).reviewers;
    assert.ok(workload.some((r) => r.reviewer?.id === actors.bob.id && r.inReview >= 1), 'the second reviewer\'s waiting claim counts on the dashboard');
  });

  test('once Bob has rated, both see both; they disagree; the editor resolves with Bob\'s rating; the figures count it', async () => {
    await recordVerdict(actors.bob, claimId, { rating: 'True', explanation: 'Bob says true.', version: await claimVersion(claimId) });
    const bob = (await getArticle(actors.bob, articleId)).claims.find((c) => c.id === claimId)!;
    assert.equal(bob.doubleCheck?.phase, 'both_in');
    assert.equal(bob.doubleCheck?.first?.rating, ANN_RATING);
    assert.equal(bob.doubleCheck?.agree, false);
    assert.ok(bob.sources.some((s) => s.url.includes(SECRET)));
    assert.ok((await listComments(actors.bob, claimId)).comments.some((c) => c.body.includes(SECRET)));
    assert.ok(leaks(await listHistory(actors.bob, articleId)));
    const r = await resolveDoubleCheck(actors.editor, claimId, { choose: 'second', version: await claimVersion(claimId) });
    assert.equal(r.status, 'approved');
    const done = (await getArticle(actors.reviewer, articleId)).claims.find((c) => c.id === claimId)!;
    assert.equal(done.status, 'approved');
    assert.equal(done.publishedVerdict?.rating, 'True');
    assert.equal(done.publishedVerdict?.explanation, 'Bob says true.');
    assert.equal(done.publicState.label, 'True');
    assert.equal(done.secondAssignee, null);
    assert.equal(done.doubleCheck?.phase, 'resolved');
    const figures = await agreementFigures(actors.reviewer, articleId);
    assert.deepEqual({ n: figures.n, agreed: figures.agreed, rate: figures.rate }, { n: 1, agreed: 0, rate: 0 });
    const desk = (await deskDashboard(actors.editor)).agreement;
    assert.ok(desk.n >= 2, 'the desk counts this and the earlier double check');
  });

  test('an editor may resolve with their own verdict', async () => {
    const { claimId: c } = await doubleChecked('Own verdict');
    await recordVerdict(actors.ann, c, { rating: 'False', explanation: 'a', version: await claimVersion(c) });
    await recordVerdict(actors.bob, c, { rating: 'False', explanation: 'b', version: await claimVersion(c) });
    await resolveDoubleCheck(actors.editor, c, { rating: 'Mixed', explanation: 'Both missed the context.', version: await claimVersion(c) });
    const v = await db().claim.findUnique({ where: { id: c }, select: { status: true, approvedVerdict: { select: { rating: true, authorId: true } } } });
    assert.deepEqual(v, { status: 'approved', approvedVerdict: { rating: 'Mixed', authorId: actors.editor.id } });
  });
});

describe('review fixes (decision 031): no way around the blind phase', () => {
  test('split, merge and not-a-claim are refused while a claim is double-checked; the blind sources stay on it', async () => {
    const { articleId, claimId } = await doubleChecked('Edit words');
    await annWorks(claimId);
    const claim = (await getArticle(actors.editor, articleId)).claims.find((c) => c.id === claimId)!;
    const next = (await getArticle(actors.editor, articleId)).claims.find((c) => c.ordinal === claim.ordinal + 1)!;
    const at = claim.start + claim.quote.indexOf(' ', Math.floor(claim.quote.length / 2));
    const split = await refused(splitClaim(actors.editor, claimId, { at, version: await claimVersion(claimId) }), 409);
    assert.equal(split.message, 'This claim is being double-checked; resolve it (or remove the second reviewer) before changing its words.');
    const merge = await refused(mergeClaims(actors.editor, { ids: [claimId, next.id], versions: [await claimVersion(claimId), await claimVersion(next.id)] }), 409);
    assert.match(merge.message, /being double-checked/);
    // The second reviewer's own claim counts too: merging it into a neighbour is as much a change of words.
    const merge2 = await refused(mergeClaims(actors.editor, { ids: [next.id, claimId], versions: [await claimVersion(next.id), await claimVersion(claimId)] }), 409);
    assert.match(merge2.message, /being double-checked/);
    const nac = await refused(markNotAClaim(actors.editor, claimId, { version: await claimVersion(claimId) }), 409);
    assert.match(nac.message, /before marking it "not a claim"/);
    // Nothing of Ann's went anywhere Bob could read it.
    const bob = await getArticle(actors.bob, articleId);
    assert.equal(leaks(bob), false);
    assert.equal(bob.claims.length, (await getArticle(actors.editor, articleId)).claims.length);
  });
});

test('an approved verdict by one of the pair is hidden from the other while blind (review fix, decision 031)', async () => {
  // Ann's verdict is approved; she changes it, the editor sends that back (the approval of the first
  // one stays), then gives the claim to Ann and Bob: Bob must not read Ann's approved rating.
  const article = await createArticle(actors.editor, { title: 'Approved before', byline: 'Wire', text: seed });
  await setDoubleCheck(actors.editor, article.id, { doubleCheck: true });
  const claimId = article.claims[0]!.id;
  await recordVerdict(actors.ann, claimId, { rating: ANN_RATING, explanation: `Because ${SECRET}`, version: await claimVersion(claimId) });
  await approveVerdict(actors.editor, claimId, { version: await claimVersion(claimId) });
  await recordVerdict(actors.ann, claimId, { rating: 'Mixed', explanation: 'On reflection.', version: await claimVersion(claimId) });
  await sendBack(actors.editor, claimId, { comment: 'Have it double-checked.', version: await claimVersion(claimId) });
  await assignClaim(actors.editor, claimId, { reviewerId: actors.ann.id, secondReviewerId: actors.bob.id, version: await claimVersion(claimId) });
  const editor = (await getArticle(actors.editor, article.id)).claims.find((c) => c.id === claimId)!;
  assert.equal(editor.approvedVerdict?.rating, ANN_RATING, 'the approval is still there (the test can fail)');
  const bob = (await getArticle(actors.bob, article.id)).claims.find((c) => c.id === claimId)!;
  assert.equal(leaks(bob), false);
  assert.equal(bob.approvedVerdict, null);
  assert.equal(bob.publishedVerdict, null);
  assert.equal(leaks(await articleBody(actors.bob, article.id, await articleEtag(actors.bob, article.id))), false);
});

test('a double-checked claim cannot be dismissed, marked not a claim or sent back: it would be stuck in its check (review fix)', async () => {
  const { claimId } = await doubleChecked('Stuck');
  const dismiss = async () => dismissClaim(actors.editor, claimId, { reason: 'Opinion.', version: await claimVersion(claimId) });
  assert.match((await refused(dismiss(), 409)).message, /before dismissing it/);
  await recordVerdict(actors.ann, claimId, { rating: 'False', explanation: 'a', version: await claimVersion(claimId) });
  await recordVerdict(actors.bob, claimId, { rating: 'True', explanation: 'b', version: await claimVersion(claimId) });
  assert.match((await refused(dismiss(), 409)).message, /before dismissing it/);
  assert.match((await refused(markNotAClaim(actors.editor, claimId, { version: await claimVersion(claimId) }), 409)).message, /not a claim/);
  const back = await refused(sendBack(actors.editor, claimId, { comment: 'Again.', version: await claimVersion(claimId) }), 409);
  assert.match(back.message, /resolve it .* instead of sending it back/);
  assert.equal((await db().claim.findUnique({ where: { id: claimId }, select: { status: true } }))?.status, 'reviewed', 'still awaiting resolution');
  const done = await resolveDoubleCheck(actors.editor, claimId, { choose: 'first', version: await claimVersion(claimId) });
  assert.equal(done.status, 'approved');
});

test('assigning the article to a claim\'s second reviewer (no second named): cleared without a rating, kept with one (review fix)', async () => {
  const { articleId, claimId } = await doubleChecked('To Bob');
  const rated = (await getArticle(actors.editor, articleId)).claims[1]!.id;
  await assignClaim(actors.editor, rated, { reviewerId: actors.ann.id, secondReviewerId: actors.bob.id, version: await claimVersion(rated) });
  await recordVerdict(actors.bob, rated, { rating: 'True', explanation: 'b', version: await claimVersion(rated) });
  const r = await assignArticle(actors.editor, articleId, { reviewerId: actors.bob.id });
  assert.deepEqual({ kept: r.keptPair, cleared: r.clearedPair }, { kept: 1, cleared: 1 });
  assert.match(r.note ?? '', /1 claim kept its double-check pair/);
  assert.match(r.note ?? '', /1 claim had Dbl bob as second reviewer and no rating yet: the double check was removed/);
  const claims = (await getArticle(actors.editor, articleId)).claims;
  const cleared = claims.find((c) => c.id === claimId)!;
  assert.deepEqual([cleared.assignee?.id, cleared.secondAssignee], [actors.bob.id, null]);
  const kept = claims.find((c) => c.id === rated)!;
  assert.deepEqual([kept.assignee?.id, kept.secondAssignee?.id], [actors.ann.id, actors.bob.id]);
  assert.ok(r.assigned >= 2, 'the rest of the article went to Bob');
});

test('the review archive of an article with a double check in progress is refused (409); once resolved it exports (review fix)', async () => {
  const { articleId, claimId } = await doubleChecked('Archive');
  await annWorks(claimId);
  const e = await refused(exportReviewArchive(actors.editor, articleId), 409);
  assert.match(e.message, /1 claim of this article is being double-checked\. Resolve it .* before exporting the review archive/);
  await recordVerdict(actors.bob, claimId, { rating: 'True', explanation: 'b', version: await claimVersion(claimId) });
  await resolveDoubleCheck(actors.editor, claimId, { choose: 'second', version: await claimVersion(claimId) });
  const archive = await exportReviewArchive(actors.editor, articleId);
  assert.equal(archive.document.claims.filter((c) => c.status === 'approved').length, 1, 'the resolved claim is in it, approved');
});
