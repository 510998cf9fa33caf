// Integration tests of the data layer against a real database: SQLite or PostgreSQL, whichever
// DATABASE_URL names (scripts/test.mjs runs this file once per engine on a fresh database).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import type { Actor, Role } from '../auth/permissions';
import { createArticle, getArticle, listArticles } from './articles';
import { approveVerdict, attachSource, dismissClaim, recordVerdict, removeSource } from './claims';
import { db } from './client';
import { exportArticle } from './exports';
import { listHistory } from './history';
import { authenticate, countUsers, createFirstAdmin, createUser, createUserAsOperator, listUsers } from './users';
import { claimVersion, statusOf } from './testing';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery';
const actors = {} as Record<Role, Actor>;

async function loadSeed(): Promise<{ articleId: string; claimId: string; version: number }> {
  const { id, claims } = await createArticle(actors.editor, { title: 'Seed', byline: 'Wire', text: seed });
  return { articleId: id, claimId: claims[0]!.id, version: claims[0]!.version };
}

before(async () => {
  assert.equal(await countUsers(), 0, 'tests start on an empty database');
  const admin = await createFirstAdmin({ email: 'Admin@Example.com', password: PASSWORD });
  actors.admin = { id: admin.id, email: admin.email, name: '', role: 'admin' };
  for (const role of ['editor', 'reviewer'] as const) {
    const u = await createUser(actors.admin, { email: `${role}@example.com`, password: PASSWORD, role });
    actors[role] = { id: u.id, email: u.email, name: '', role };
  }
});

describe('accounts', () => {
  test('the first account is admin; set-up refuses once any account exists', async () => {
    assert.equal(actors.admin.email, 'admin@example.com', 'email normalised');
    assert.equal(await statusOf(createFirstAdmin({ email: 'late@example.com', password: PASSWORD })), 409);
  });

  test('sign-in checks the password and never returns the hash', async () => {
    const ok = await authenticate('ADMIN@example.com ', PASSWORD);
    assert.deepEqual(Object.keys(ok ?? {}).sort(), ['email', 'id', 'name', 'role']);
    assert.equal(await authenticate('admin@example.com', 'wrong password!'), null);
    assert.equal(await authenticate('nobody@example.com', PASSWORD), null);
    const users = await listUsers(actors.admin);
    assert.ok(users.every((u) => !('passwordHash' in u)));
  });

  test('bad account input is 422 with field messages; a duplicate email is 409', async () => {
    const e = await createUser(actors.admin, { email: 'not-an-email', password: 'short', role: 'boss' }).catch((x: AppError) => x);
    assert.ok(e instanceof AppError && e.status === 422);
    assert.deepEqual(Object.keys(e.fields ?? {}).sort(), ['email', 'password', 'role']);
    assert.equal(await statusOf(createUserAsOperator({ email: 'editor@example.com', password: PASSWORD, role: 'editor' })), 409);
  });
});

describe('permission matrix: each role against each action', () => {
  test('statuses match PRODUCT.md roles', async () => {
    const { articleId, claimId } = await loadSeed();
    const src = await attachSource(actors.admin, claimId, { url: 'https://example.org', title: 'x', stance: 'context', version: await claimVersion(claimId) });
    const rows: Array<[string, (a: Actor | null) => Promise<unknown>, Record<Role | 'none', number>]> = [
      ['list articles', (a) => listArticles(a), { admin: 200, editor: 200, reviewer: 200, none: 401 }],
      ['read article', (a) => getArticle(a, articleId), { admin: 200, editor: 200, reviewer: 200, none: 401 }],
      ['read history', (a) => listHistory(a, articleId), { admin: 200, editor: 200, reviewer: 200, none: 401 }],
      ['load article', (a) => createArticle(a, { title: 't', text: 'The council cut fares by 10 percent.' }), { admin: 200, editor: 200, reviewer: 403, none: 401 }],
      ['export', (a) => exportArticle(a, articleId, 'csv'), { admin: 200, editor: 200, reviewer: 403, none: 401 }],
      ['add source', async (a) => attachSource(a, claimId, { url: 'https://example.org/a', title: 'a', stance: 'supports', version: await claimVersion(claimId) }), { admin: 200, editor: 200, reviewer: 200, none: 401 }],
      ['create account', (a) => createUser(a, { email: `u${Math.random()}@example.com`, password: PASSWORD, role: 'reviewer' }), { admin: 200, editor: 403, reviewer: 403, none: 401 }],
      ['list accounts', (a) => listUsers(a), { admin: 200, editor: 403, reviewer: 403, none: 401 }],
    ];
    for (const [name, run, expected] of rows) {
      for (const role of ['admin', 'editor', 'reviewer', 'none'] as const) {
        assert.equal(await statusOf(run(role === 'none' ? null : actors[role])), expected[role], `${role}: ${name}`);
      }
    }
    // Verdicts, dismissals and source removal: every role may review; no session may not.
    for (const role of ['admin', 'editor', 'reviewer'] as const) {
      const claim = (await getArticle(actors.admin, articleId)).claims[0]!;
      assert.equal(await statusOf(recordVerdict(actors[role], claimId, { rating: 'True', explanation: role, version: claim.version })), 200, `${role}: verdict`);
    }
    assert.equal(await statusOf(recordVerdict(null, claimId, { rating: 'True', explanation: 'x', version: 1 })), 401);
    assert.equal(await statusOf(dismissClaim(null, claimId, { reason: 'x', version: 1 })), 401);
    assert.equal(await statusOf(removeSource(null, claimId, src.id, { version: await claimVersion(claimId) })), 401);
    assert.equal(await statusOf(removeSource(actors.reviewer, claimId, src.id, { version: await claimVersion(claimId) })), 200);
  });
});

describe('loading an article', () => {
  test('stores the text verbatim, its claims with exact quotes, and two events', async () => {
    const { articleId } = await loadSeed();
    const article = await getArticle(actors.reviewer, articleId);
    assert.equal(article.text, seed);
    assert.ok(article.claims.length >= 10);
    for (const c of article.claims) assert.equal(seed.slice(c.start, c.end), c.quote);
    assert.ok(article.relations.some((r) => r.type === 'duplicates' && r.origin === 'auto' && r.status === 'suggested'));
    const events = await listHistory(actors.reviewer, articleId);
    assert.deepEqual(events.map((e) => e.type), ['article.loaded', 'claims.extracted']);
    assert.equal(events[0]!.actor, 'editor@example.com');
    // An account without a name is shown by its email; one with a name, by the name.
    assert.equal(events[0]!.actorName, 'editor@example.com');
  });

  test('pasted CRLF line ends are stored as LF, and the offsets index the stored text', async () => {
    const { id } = await createArticle(actors.editor, { title: 'CRLF', text: 'Fares rose 5 percent in March.\r\n\r\nRidership fell 12 percent.\r\n' });
    const article = await getArticle(actors.editor, id);
    assert.equal(article.text, 'Fares rose 5 percent in March.\n\nRidership fell 12 percent.\n');
    assert.ok(article.claims.length >= 1);
    for (const c of article.claims) assert.equal(article.text.slice(c.start, c.end), c.quote);
  });

  test('empty text is 422, more than 1 MB is 413, and nothing is half-saved', async () => {
    const count = async () => [await db().article.count(), await db().revision.count(), await db().event.count()];
    const beforeCounts = await count();
    assert.equal(await statusOf(createArticle(actors.editor, { title: 'Empty', text: '   ' })), 422);
    assert.equal(await statusOf(createArticle(actors.editor, { title: 'Huge', text: 'x'.repeat(1024 * 1024 + 10) })), 413);
    assert.equal(await statusOf(createArticle(actors.editor, { title: '', text: 'Fares rose 5%.' })), 422);
    assert.equal(await statusOf(createArticle(actors.editor, { text: 42 })), 422);
    assert.deepEqual(await count(), beforeCounts);
  });

  test('HTML input is stored as text with scripts removed', async () => {
    const { id } = await createArticle(actors.editor, { title: 'H', format: 'html', text: '<p>Fares rose 5 percent in 2024.</p><script>alert(1)</script>' });
    const a = await getArticle(actors.editor, id);
    assert.ok(!a.text.includes('alert'));
    assert.equal(a.sourceFormat, 'html');
  });

  test('an unknown article or claim is 404', async () => {
    assert.equal(await statusOf(getArticle(actors.editor, 'nope')), 404);
    assert.equal(await statusOf(listHistory(actors.editor, 'nope')), 404);
    assert.equal(await statusOf(recordVerdict(actors.editor, 'nope', { rating: 'True', explanation: 'x', version: 1 })), 404);
  });
});

describe('reviewing a claim', () => {
  test('a verdict, a source, its removal and a dismissal each write history with before and after', async () => {
    const { articleId, claimId, version } = await loadSeed();
    const v = await recordVerdict(actors.reviewer, claimId, { rating: 'Mostly false', explanation: 'Toll was 86.', correction: 'killed 86 people', version });
    assert.equal(v.version, version + 1);
    const s = await attachSource(actors.reviewer, claimId, { url: 'https://example.org/toll', title: 'Health ministry', quote: '86 dead', stance: 'refutes', version: await claimVersion(claimId) });
    await removeSource(actors.reviewer, claimId, s.id, { version: await claimVersion(claimId) });
    const second = (await getArticle(actors.reviewer, articleId)).claims[1]!;
    await dismissClaim(actors.reviewer, second.id, { reason: 'Opinion', version: second.version });

    const article = await getArticle(actors.reviewer, articleId);
    const claim = article.claims.find((c) => c.id === claimId)!;
    assert.equal(claim.status, 'reviewed');
    assert.equal(claim.verdict?.rating, 'Mostly false');
    assert.equal(claim.sources.length, 0, 'removed source hidden');
    assert.equal(await db().source.count({ where: { id: s.id } }), 1, 'but kept');
    assert.equal(article.claims.find((c) => c.id === second.id)!.status, 'dismissed');

    const events = await listHistory(actors.editor, articleId);
    assert.deepEqual(events.slice(2).map((e) => e.type), ['verdict.recorded', 'source.added', 'source.removed', 'claim.dismissed']);
    const verdictEvent = events[2]!;
    assert.equal(verdictEvent.actor, 'reviewer@example.com');
    assert.deepEqual(verdictEvent.before, { status: 'open' });
    assert.equal((verdictEvent.after as { rating: string }).rating, 'Mostly false');
    assert.equal((events[4]!.before as { url: string }).url, 'https://example.org/toll');
  });

  test('a stale version is 409 and changes nothing', async () => {
    const { articleId, claimId, version } = await loadSeed();
    await recordVerdict(actors.reviewer, claimId, { rating: 'True', explanation: 'first', version });
    const eventsBefore = (await listHistory(actors.editor, articleId)).length;
    assert.equal(await statusOf(recordVerdict(actors.editor, claimId, { rating: 'False', explanation: 'stale', version })), 409);
    assert.equal(await statusOf(dismissClaim(actors.editor, claimId, { reason: 'stale', version })), 409);
    assert.equal((await getArticle(actors.editor, articleId)).claims.find((c) => c.id === claimId)!.verdict?.rating, 'True');
    assert.equal((await listHistory(actors.editor, articleId)).length, eventsBefore);
  });

  test('two reviewers saving at the same moment: one wins, the other gets 409', async () => {
    const { claimId, version } = await loadSeed();
    const results = await Promise.all(
      ['reviewer', 'editor'].map((r) => statusOf(recordVerdict(actors[r as Role], claimId, { rating: 'Mixed', explanation: r, version }))),
    );
    assert.deepEqual(results.sort(), [200, 409]);
    assert.equal(await db().verdict.count({ where: { claimId } }), 1);
  });

  test('bad review input is 422 with a message per field; javascript: URLs are refused', async () => {
    const { claimId } = await loadSeed();
    const e = await attachSource(actors.reviewer, claimId, { url: 'javascript:alert(1)', title: '', stance: 'maybe', version: await claimVersion(claimId) }).catch((x: AppError) => x);
    assert.ok(e instanceof AppError && e.status === 422);
    assert.deepEqual(Object.keys(e.fields ?? {}).sort(), ['stance', 'title', 'url']);
    assert.equal(await statusOf(recordVerdict(actors.reviewer, claimId, { rating: 'Pants on fire', explanation: '', version: 1 })), 422);
    assert.equal(await statusOf(dismissClaim(actors.reviewer, claimId, { reason: '', version: 1 })), 422);
  });
});

describe('export', () => {
  test('each format renders the review and is recorded in history', async () => {
    const { articleId, claimId, version } = await loadSeed();
    const saved = await recordVerdict(actors.reviewer, claimId, { rating: 'False', explanation: '<script>x</script>', version });
    // Exports publish approved verdicts only (decision 018).
    await approveVerdict(actors.editor, claimId, { version: saved.version });
    const html = await exportArticle(actors.editor, articleId, 'html');
    assert.match(html.contentType, /text\/html/);
    assert.ok(!html.body.includes('<script>x</script>'));
    const ld = JSON.parse((await exportArticle(actors.editor, articleId, 'jsonld')).body) as Array<{ reviewRating: { ratingValue: number } }>;
    assert.equal(ld.length, 1);
    assert.equal(ld[0]!.reviewRating.ratingValue, 1);
    const md = await exportArticle(actors.editor, articleId, 'md');
    assert.match(md.body, /\[\^1\]: \*\*False\*\*/);
    const csv = await exportArticle(actors.editor, articleId, 'csv');
    assert.match(csv.body, /False/);
    const events = await listHistory(actors.editor, articleId);
    assert.equal(events.filter((e) => e.type === 'article.exported').length, 4);
  });
});
