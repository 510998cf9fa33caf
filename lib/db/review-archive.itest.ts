// The review archive on a real database: a rich review built through the data layer, exported,
// imported into a FRESH database of the same engine (a second SQLite file, or a second PostgreSQL
// database), and exported again. Tampered archives must change nothing at all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import { verifyPassword } from '../auth/password';
import type { Actor, Role } from '../auth/permissions';
import type { ReviewArchive } from '../review-archive/schema';
import { createArticle, getArticle } from './articles';
import { attachSource, dismissClaim, recordVerdict, removeSource, reuseReview } from './claims';
import { createDb, db, isPostgresUrl, type Db } from './client';
import { addComment, resolveComment } from './comments';
import { recordEvent } from './events';
import { listHistory } from './history';
import { addRelation, setRelationStatus } from './relations';
import { exportReviewArchive, importReviewArchive } from './review-archive';
import { createUserAsOperator } from './users';
import { claimVersion, relationVersion, statusOf } from './testing';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery';
const sourceUrl = process.env.DATABASE_URL!;
const actors = {} as Record<Role, Actor>;

let fresh: Db;
let freshUrl: string;
let cleanup: () => void = () => undefined;
let importer: Actor;

function migrate(url: string): void {
  const res = spawnSync(process.execPath, ['scripts/db-migrate.mjs'], { env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
}

before(async () => {
  const stamp = Date.now().toString(36);
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    const u = await createUserAsOperator({ email: `archive-${role}-${stamp}@example.com`, name: `Archive ${role}`, password: PASSWORD, role });
    actors[role] = { id: u.id, email: u.email, name: u.name, role };
  }
  if (isPostgresUrl(sourceUrl)) {
    const name = `factdesk_archive_${process.pid}`;
    const admin = new URL(sourceUrl);
    admin.pathname = '/postgres';
    const psql = (sql: string) => spawnSync(process.execPath, ['scripts/pg-admin.mjs', admin.toString(), sql], { encoding: 'utf8' });
    assert.equal(psql(`create database ${name}`).status, 0);
    const u = new URL(sourceUrl);
    u.pathname = `/${name}`;
    freshUrl = u.toString();
    cleanup = () => void psql(`drop database if exists ${name} with (force)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-archive-'));
    freshUrl = `file:${join(dir, 'fresh.db')}`;
    cleanup = () => rmSync(dir, { recursive: true, force: true });
  }
  migrate(freshUrl);
  fresh = createDb(freshUrl);
  const admin = await fresh.user.create({ data: { email: 'importer@example.com', name: 'Importer', passwordHash: 'unused', role: 'admin' } });
  importer = { id: admin.id, email: admin.email, name: admin.name, role: 'admin' };
  // An account the archive names that already exists here (same email): it must be reused, not duplicated.
  await fresh.user.create({ data: { email: actors.editor.email, name: actors.editor.name, passwordHash: 'theirs', role: 'editor' } });
});

after(async () => {
  await fresh?.$disconnect();
  cleanup();
});

/** A review with every kind of row: two drafts, stale and archived claims, removed sources, links, reuse. */
async function buildRichReview(): Promise<string> {
  const { editor, reviewer } = actors;
  const { id, claims } = await createArticle(editor, { title: 'Archive round trip', byline: 'Wire staff', text: seed });
  const [c1, c2, c3, c4, c5] = claims;
  assert.ok(c1 && c2 && c3 && c4 && c5, 'the seed has at least five claims');
  const v1 = await recordVerdict(reviewer, c1.id, { rating: 'Mostly true', explanation: 'Matches the transcript.', correction: 'He said the opposite.', version: c1.version });
  await recordVerdict(editor, c1.id, { rating: 'True', explanation: 'Full transcript checked.', version: v1.version });
  await attachSource(reviewer, c1.id, { url: 'https://example.org/transcript', title: 'Transcript', publisher: 'State Dept', quote: 'we have no firm information', stance: 'supports', version: await claimVersion(c1.id) });
  const dropped = await attachSource(reviewer, c1.id, { url: 'https://example.org/blog', title: 'A blog', stance: 'context', version: await claimVersion(c1.id) });
  await removeSource(reviewer, c1.id, dropped.id, { version: await claimVersion(c1.id) });
  await dismissClaim(reviewer, c2.id, { reason: 'Opinion.', version: c2.version });
  await addRelation(reviewer, { a: c3.id, b: c4.id, type: 'contradicts', note: 'Counts differ' });
  const article = await getArticle(editor, id);
  const auto = article.relations.find((r) => r.origin === 'auto');
  if (auto) await setRelationStatus(reviewer, auto.id, 'confirmed', { version: await relationVersion(auto.id) });
  await reuseReview(reviewer, c5.id, { from: c1.id, version: c5.version });
  // A thread: one comment mentioning the editor, resolved by them; one still open.
  const asked = await addComment(reviewer, c1.id, { body: `@${editor.email} is this the full transcript?` });
  await resolveComment(editor, asked.id, { version: await claimVersion(c1.id) });
  await addComment(editor, c4.id, { body: 'Check the second count against the ministry.' });
  // A review reused from another article: that claim's id cannot travel.
  const other = await createArticle(editor, { title: 'Older story', text: 'The attack killed 87 people, the health ministry said.' });
  const o1 = other.claims[0]!;
  await recordVerdict(reviewer, o1.id, { rating: 'False', explanation: 'It was 89.', version: o1.version });
  await reuseReview(reviewer, c4.id, { from: o1.id, version: (await getArticle(editor, id)).claims.find((c) => c.id === c4.id)!.version });

  // What the revision and verification features write (not on this branch yet): a second draft with
  // a stale claim, an archived claim, a decided correction, the publish-gate fields.
  const changed = 'killed 87 people';
  const text2 = seed.replace(changed, 'killed 89 people');
  assert.notEqual(text2, seed);
  await db().$transaction(async (tx) => {
    const rev2 = await tx.revision.create({ data: { articleId: id, number: 2, text: text2, format: 'markdown', createdById: editor.id } });
    const at = text2.indexOf('The White House has accused');
    const end = text2.indexOf('\n', at);
    const stale = await tx.claim.create({
      data: {
        articleId: id, revisionId: rev2.id, ordinal: 1, start: at, end, quote: text2.slice(at, end), text: text2.slice(at, end),
        contextBefore: text2.slice(at - 30, at), contextAfter: '', type: 'statistic', score: 0.97, stale: true,
        previousQuote: seed.slice(seed.indexOf('The White House has accused'), seed.indexOf('\n', seed.indexOf('The White House has accused'))),
        speaker: 'The White House', speakerType: 'Organization', numbers: JSON.stringify([{ raw: '89', start: 0, end: 2, kind: 'cardinal', value: 89 }]),
      },
    });
    await tx.claim.update({ where: { id: c3.id }, data: { archivedAt: new Date('2026-11-25T12:00:00.000Z') } });
    const v = await tx.verdict.create({
      data: {
        claimId: stale.id, rating: 'Mostly false', explanation: 'The toll was 89.', correction: 'killed 89 people', correctionStatus: 'accepted',
        correctionDecidedAt: new Date('2026-11-25T12:05:00.000Z'), revisionNumber: 2, authorId: reviewer.id,
      },
    });
    await tx.article.update({
      where: { id },
      data: {
        status: 'verified', publicUrl: 'https://news.example/fact-check/lavrov', verifiedAt: new Date('2026-11-25T13:00:00.000Z'),
        verifiedRevision: 2, overrideReason: 'Deadline; claim 4 checked by phone.', correctionsNote: 'An earlier version said 87 people were killed. It was 89.',
      },
    });
    // Payload ids of every kind, in nested objects and arrays, as later features will write them.
    await recordEvent(tx, {
      articleId: id, actorId: editor.id, type: 'claims.extracted', targetType: 'article', targetId: id,
      after: { revisionId: rev2.id, kept: [c1.id, c4.id], stale: [{ claimId: stale.id, verdictId: v.id }], assignedTo: reviewer.id },
    });
  });
  return id;
}

/** What may differ after an import: when it was exported, and the import's own event and actor. */
function withoutImport(doc: ReviewArchive) {
  const { exportedAt: _exportedAt, ...rest } = doc;
  return {
    ...rest,
    accounts: doc.accounts.filter((a) => a.email !== importer.email),
    events: doc.events.filter((e) => e.type !== 'article.imported'),
  };
}

async function rowCounts(client: Db) {
  const [fts] = await client.$queryRawUnsafe<Array<{ n: number | bigint }>>('SELECT COUNT(*) AS n FROM "ArchiveClaimFts"');
  return {
    users: await client.user.count(), articles: await client.article.count(), revisions: await client.revision.count(),
    claims: await client.claim.count(), verdicts: await client.verdict.count(), sources: await client.source.count(),
    relations: await client.relation.count(), comments: await client.comment.count(), mentions: await client.commentMention.count(),
    events: await client.event.count(), fts: Number(fts!.n),
  };
}

let exported: { document: ReviewArchive; body: string };

describe('review archive round trip', () => {
  test('export -> import into a fresh database -> export gives the same document', async () => {
    const id = await buildRichReview();
    exported = await exportReviewArchive(actors.editor, id);
    const doc = exported.document;
    assert.deepEqual(doc.revisions.map((r) => r.number), [1, 2]);
    assert.ok(doc.claims.some((c) => c.stale && c.previousQuote) && doc.claims.some((c) => c.archivedAt), 'stale and archived claims are in');
    assert.ok(doc.sources.some((s) => s.removedAt), 'removed sources are in');
    assert.ok(doc.verdicts.some((v) => v.correctionStatus === 'accepted' && v.revisionNumber === 2));
    assert.equal(doc.article.correctionsNote, 'An earlier version said 87 people were killed. It was 89.');
    assert.ok(!exported.body.includes(id), 'no database id in the archive');
    const reused = doc.events.filter((e) => e.type === 'review.reused').map((e) => e.after as Record<string, unknown>);
    assert.ok(reused.some((a) => JSON.stringify(a.fromClaimId).includes('$ref')), 'a reuse inside the article points at its claim');
    assert.ok(reused.some((a) => a.fromClaimId === null && a.fromArticleTitle === 'Older story'), 'a reuse from elsewhere keeps only readable facts');
    // Comments travel (decision 038): the resolved one with its mention and resolver, the open one.
    assert.deepEqual(doc.comments!.map((c) => [c.author, c.mentions, c.resolvedBy]), [
      [actors.reviewer.email, [actors.editor.email], actors.editor.email],
      [actors.editor.email, [], null],
    ]);
    assert.ok(doc.events.filter((e) => e.type.startsWith('comment.')).every((e) => JSON.stringify(e.after).includes('"$ref":"cm')), 'comment events point at the comment');

    const before = await rowCounts(fresh);
    const imported = await importReviewArchive(importer, exported.body, fresh);
    const again = await exportReviewArchive(importer, imported.id, fresh);
    assert.deepEqual(withoutImport(again.document), withoutImport(doc));
    const last = again.document.events.at(-1)!;
    assert.equal(last.type, 'article.imported');
    assert.equal(last.actor, importer.email);

    const after = await rowCounts(fresh);
    assert.equal(after.claims - before.claims, doc.claims.length);
    assert.deepEqual([after.comments - before.comments, after.mentions - before.mentions], [2, 1]);
    // The mention is the matched editor's own on this install: it is theirs to see in My queue.
    const mention = await fresh.commentMention.findFirstOrThrow({ where: { comment: { articleId: imported.id } }, select: { user: { select: { email: true } } } });
    assert.equal(mention.user.email, actors.editor.email);
    assert.equal(after.fts - before.fts, new Set(doc.verdicts.map((v) => v.claim)).size, 'reviewed claims are searchable as "checked before"');
    // Accounts: the editor was matched by email (one row, role unchanged); the others were created
    // as reviewers whose password nobody knows.
    const editors = await fresh.user.findMany({ where: { email: actors.editor.email }, select: { role: true, passwordHash: true } });
    assert.deepEqual(editors, [{ role: 'editor', passwordHash: 'theirs' }]);
    const created = await fresh.user.findUnique({ where: { email: actors.reviewer.email }, select: { role: true, passwordHash: true, deactivatedAt: true } });
    assert.equal(created?.role, 'reviewer');
    assert.ok(created?.deactivatedAt, 'an account created by an import cannot sign in until an admin reactivates it');
    assert.match(created!.passwordHash, /^\$(2[aby]|argon2id)\$/);
    assert.equal(await verifyPassword(PASSWORD, created!.passwordHash), false);
    assert.deepEqual((last.after as { accountsCreated: string[] }).accountsCreated.sort(), [actors.admin.email, actors.reviewer.email].filter((e) => doc.accounts.some((a) => a.email === e)).sort());
  });

  test('importing the same archive twice makes two independent articles', async () => {
    const a = await importReviewArchive(importer, exported.body, fresh);
    const b = await importReviewArchive(importer, exported.body, fresh);
    assert.notEqual(a.id, b.id);
    assert.equal(await fresh.claim.count({ where: { articleId: a.id } }), exported.document.claims.length);
  });

  test('the history of an imported article reads in the same order as the original', async () => {
    const original = await listHistory(actors.editor, (await db().article.findFirst({ where: { title: 'Archive round trip' }, orderBy: { createdAt: 'desc' }, select: { id: true } }))!.id);
    const types = exported.document.events.map((e) => e.type);
    assert.deepEqual(original.map((e) => e.type), [...types, 'article.exported'], 'the archive export itself is recorded after the document is read');
  });

  test('each tampered archive is refused with 422 and leaves every table unchanged', async () => {
    const tampered = (change: (d: ReviewArchive) => void) => {
      const d = structuredClone(exported.document);
      change(d);
      return JSON.stringify(d);
    };
    const cases: Array<[string, string, number, RegExp]> = [
      ['bad JSON', exported.body.slice(0, 500), 422, /not valid JSON/],
      ['wrong format', tampered((d) => { (d as { format: string }).format = 'other'; }), 422, /"format"/],
      ['wrong version', tampered((d) => { (d as { version: number }).version = 99; }), 422, /version 99/],
      ['zod failure', tampered((d) => { (d.claims[0] as { status: string }).status = 'done'; }), 422, /claims\.0\.status/],
      ['dangling reference', tampered((d) => { d.sources[0]!.claim = 'r9-c1'; }), 422, /claim r9-c1 is not in the archive/],
      ['offsets do not match the text', tampered((d) => { d.claims[0]!.start += 1; }), 422, /quote does not match/],
      ['duplicate keys', tampered((d) => { d.verdicts[1]!.key = d.verdicts[0]!.key; }), 422, /duplicate verdict key/],
      ['too many revisions', tampered((d) => { d.revisions = Array.from({ length: 201 }, (_, i) => ({ ...d.revisions[0]!, number: i + 1 })); }), 422, /At most 200 revisions/],
      ['over 50 MB', tampered((d) => { d.article.correctionsNote = 'x'.repeat(51 * 1024 * 1024); }), 413, /limit is 50 MB/],
      // Accounts that would be created come last in the checks: the valid part must not be written.
      ['new account, bad tail', tampered((d) => {
        d.accounts.push({ email: 'brand-new@example.com', name: '' });
        d.sources[0]!.createdBy = 'brand-new@example.com';
        d.relations.at(-1)!.b = 'r1-c999';
      }), 422, /r1-c999/],
    ];
    const before = await rowCounts(fresh);
    for (const [name, body, status, message] of cases) {
      const e = await importReviewArchive(importer, body, fresh).then(() => null, (x: unknown) => x);
      assert.ok(e instanceof AppError, `${name}: refused`);
      assert.equal(e.status, status, `${name}: ${e.message}`);
      assert.match(e.message, message, name);
    }
    assert.deepEqual(await rowCounts(fresh), before, 'nothing half-imported');
    assert.equal(await fresh.user.count({ where: { email: 'brand-new@example.com' } }), 0);
  });

  test('a rating of the desk\'s own scale imports; one the scale lacks is refused, naming the ratings on offer', async () => {
    const d = structuredClone(exported.document);
    d.verdicts[0]!.rating = 'satire';
    const body = JSON.stringify(d);
    const before = await rowCounts(fresh);
    const e = await importReviewArchive(importer, body, fresh).then(() => null, (x: unknown) => x);
    assert.ok(e instanceof AppError);
    assert.equal(e.status, 422);
    assert.match(e.message, /verdicts\.0\.rating: "satire" is not a rating on this desk's verdict scale\. The ratings on offer: True; Mostly true; Mixed; Mostly false; False; Unverifiable\./);
    assert.deepEqual(await rowCounts(fresh), before, 'nothing imported');
    // The receiving desk has the entry (added by its admin, then retired): the verdict keeps it.
    await fresh.verdictScaleEntry.create({ data: { key: 'satire', name: 'Satire', position: 7, ratingValue: null, colour: '#4b2a7a', icon: 'question', retiredAt: new Date() } });
    const imported = await importReviewArchive(importer, body, fresh);
    const again = await exportReviewArchive(importer, imported.id, fresh);
    assert.equal(again.document.verdicts[0]!.rating, 'satire');
  });

  test('a failure inside the transaction rolls back everything, accounts included', async () => {
    const before = await rowCounts(fresh);
    // A real database with a fault injected after every insert has run: the commit never happens.
    const d = structuredClone(exported.document);
    d.accounts.push({ email: 'rollback@example.com', name: '' });
    d.revisions[0]!.createdBy = 'rollback@example.com';
    const body = JSON.stringify(d);
    const failing = new Proxy(fresh, {
      get(target, prop, receiver) {
        if (prop !== '$transaction') return Reflect.get(target, prop, receiver) as unknown;
        return (fn: (tx: unknown) => Promise<unknown>, options: unknown) =>
          target.$transaction(async (tx) => {
            await fn(tx);
            throw new Error('disk full (simulated after every insert)');
          }, options as { timeout: number });
      },
    });
    await assert.rejects(importReviewArchive(importer, body, failing), /disk full/);
    assert.deepEqual(await rowCounts(fresh), before);
    assert.equal(await fresh.user.count({ where: { email: 'rollback@example.com' } }), 0);
  });

  test('export is for editors and admins; import for admins only', async () => {
    const id = (await createArticle(actors.editor, { title: 'Perms', text: 'The council cut fares by 10 percent.' })).id;
    assert.equal(await statusOf(exportReviewArchive(actors.reviewer, id)), 403);
    assert.equal(await statusOf(exportReviewArchive(null, id)), 401);
    assert.equal(await statusOf(exportReviewArchive(actors.admin, 'no-such-article')), 404);
    const body = (await exportReviewArchive(actors.admin, id)).body;
    assert.equal(await statusOf(importReviewArchive(actors.editor, body)), 403);
    assert.equal(await statusOf(importReviewArchive(actors.reviewer, body)), 403);
    assert.equal(await statusOf(importReviewArchive(null, body)), 401);
    assert.equal(await statusOf(importReviewArchive(actors.admin, body)), 200);
  });
});
