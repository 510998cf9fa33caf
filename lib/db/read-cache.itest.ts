// Named to run after data-layer.itest.ts, which expects an empty database (the suites share one).
// The article read cache (issue 13) on a real database: a cached body is never older than the
// article, whoever wrote and through whichever process, and tags are per viewer.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import type { Actor } from '../auth/permissions';
import { matchesIfNoneMatch } from '../read-cache/etag';
import { articleBody, articleEtag, eventCount } from './article-read';
import { createArticle, getArticle } from './articles';
import { listHistory } from './history';
import { attachSource, recordVerdict } from './claims';
import { claimVersion } from './testing';
import { createUser, createUserAsOperator } from './users';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery';
let admin: Actor;
let alice: Actor;
let bob: Actor;

before(async () => {
  const a = await createUserAsOperator({ email: 'admin@read.test', password: PASSWORD, role: 'admin' });
  admin = { id: a.id, email: a.email, name: '', role: 'admin' };
  const mk = async (email: string): Promise<Actor> => {
    const u = await createUser(admin, { email, password: PASSWORD, role: 'reviewer' });
    return { id: u.id, email: u.email, name: '', role: 'reviewer' };
  };
  alice = await mk('alice@read.test');
  bob = await mk('bob@read.test');
});

async function read(actor: Actor, id: string) {
  const tag = await articleEtag(actor, id);
  return { ...tag, body: JSON.parse(await articleBody(actor, id, tag)) as Awaited<ReturnType<typeof getArticle>> };
}

test('an unchanged article keeps its tag; a write changes the tag and the next read shows the write', async () => {
  const { id, claims } = await createArticle(admin, { title: 'Cache', byline: '', text: seed });
  const first = await read(alice, id);
  assert.deepEqual(first.body, JSON.parse(JSON.stringify(await getArticle(alice, id))), 'the cached body is the article as getArticle reads it');
  const again = await read(alice, id);
  assert.equal(again.etag, first.etag);
  assert.ok(matchesIfNoneMatch(first.etag, again.etag), 'a browser holding the tag gets 304');

  await recordVerdict(bob, claims[0]!.id, { rating: 'False', explanation: 'Checked the budget.', version: claims[0]!.version });
  const after = await read(alice, id);
  assert.notEqual(after.etag, first.etag, 'the tag moves with the write');
  assert.ok(!matchesIfNoneMatch(first.etag, after.etag), 'the old tag no longer gets 304');
  assert.equal(after.body.claims[0]!.verdict?.rating, 'False');
  assert.equal(after.body.claims[0]!.version, claims[0]!.version + 1);

  await attachSource(bob, claims[1]!.id, { url: 'https://example.org/a', title: 'Report', stance: 'supports', version: await claimVersion(claims[1]!.id) });
  const withSource = await read(alice, id);
  assert.notEqual(withSource.etag, after.etag);
  assert.equal(withSource.body.claims[1]!.sources.length, 1);
});

test('tags are per viewer: one account never gets a tag or body filed for another', async () => {
  const { id } = await createArticle(admin, { title: 'Viewers', byline: '', text: seed });
  const a = await read(alice, id);
  const b = await read(bob, id);
  assert.equal(a.version, b.version);
  assert.notEqual(a.etag, b.etag);
  const promoted = { ...alice, role: 'editor' as const };
  assert.notEqual((await articleEtag(promoted, id)).etag, a.etag, 'a role change is a different view');
});

test('a write through another process (a second server instance) is seen by this process at once', async () => {
  const { id, claims } = await createArticle(admin, { title: 'Two instances', byline: '', text: seed });
  const cached = await read(alice, id);
  const script = `
    const m = await import(${JSON.stringify(new URL('./claims.ts', import.meta.url).href)});
    const { recordVerdict } = m.recordVerdict ? m : m.default;
    await recordVerdict(${JSON.stringify(bob)}, ${JSON.stringify(claims[2]!.id)}, { rating: 'Mostly true', explanation: 'From the other instance.', version: ${claims[2]!.version} });
  `;
  execFileSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', '--input-type=module', '-e', script], { env: process.env, stdio: 'inherit' });
  const now = await read(alice, id);
  assert.notEqual(now.etag, cached.etag);
  assert.equal(now.body.claims[2]!.verdict?.explanation, 'From the other instance.');
});

test('an unknown article is 404 through the cache, and nothing is cached for it', async () => {
  const tag = await articleEtag(alice, 'no-such-article');
  assert.equal(tag.version, '0');
  await assert.rejects(articleBody(alice, 'no-such-article', tag), (e: { status?: number }) => e.status === 404);
  assert.equal((await articleEtag(alice, 'bad\u0000id')).version, '0');
  await assert.rejects(articleEtag(null, 'x'), (e: { status?: number }) => e.status === 401);
});

test('history: the latest N events come oldest first and end with the newest; the version counts them all', async () => {
  const { id, claims } = await createArticle(admin, { title: 'History', byline: '', text: seed });
  for (const [i, c] of claims.slice(0, 3).entries()) {
    await attachSource(bob, c.id, { url: `https://example.org/${i}`, title: `Source ${i}`, stance: 'context', version: await claimVersion(c.id) });
  }
  const all = await listHistory(alice, id);
  const latest = await listHistory(alice, id, { latest: 2 });
  assert.deepEqual(latest.map((e) => e.id), all.slice(-2).map((e) => e.id));
  assert.equal((latest[1]!.after as { title: string }).title, 'Source 2');
  assert.equal(eventCount((await articleEtag(alice, id)).version), all.length);
});
