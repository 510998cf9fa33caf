// Issue 8 finding 7: the same clear answer on SQLite and PostgreSQL. Concurrent removals of one
// source, NUL bytes, unpaired surrogates and out-of-range versions each get a 409 or 422 with
// nothing written (they were 200 x 10, 500 on PostgreSQL, 500 on both, 500 on PostgreSQL).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import type { Actor } from '../auth/permissions';
import { findArchiveMatches } from './archive';
import { createArticle, getArticle } from './articles';
import { attachSource, dismissClaim, recordVerdict, removeSource, reuseReview } from './claims';
import { db } from './client';
import { listHistory } from './history';
import { addRelation, setRelationStatus } from './relations';
import { rowCounts, statusOf, claimVersion, relationVersion } from './testing';
import { createUserAsOperator } from './users';

const PASSWORD = 'correct horse battery';
let editor: Actor;
let reviewer: Actor;

const TEXT = [
  'Fares up again',
  '',
  'The transit authority raised bus fares by 12 percent in March, the third rise since 2022.',
  '',
  'Ridership fell to 41 million trips last year, according to the authority.',
].join('\n');

before(async () => {
  const e = await createUserAsOperator({ email: 'safety-editor@example.com', password: PASSWORD, role: 'editor' });
  const r = await createUserAsOperator({ email: 'safety-reviewer@example.com', password: PASSWORD, role: 'reviewer' });
  editor = { id: e.id, email: e.email, name: '', role: 'editor' };
  reviewer = { id: r.id, email: r.email, name: '', role: 'reviewer' };
});

async function claimsOfNewArticle() {
  const { claims } = await createArticle(editor, { title: 'Fares', text: TEXT });
  assert.ok(claims.length >= 2, 'the fixture yields two claims');
  return claims;
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  assert.ok(e instanceof AppError, `expected a refusal, got ${e === null ? 'success' : String(e)}`);
  return e;
}

test('50 concurrent removals of one source: exactly one 200 and one event, 49 x 409', async () => {
  const [claim] = await claimsOfNewArticle();
  const source = await attachSource(reviewer, claim!.id, { url: 'https://example.org/fares', title: 'Fare table', stance: 'supports', version: await claimVersion(claim!.id) });
  // All 50 saw the same claim: one wins, the rest are stale or find the source gone.
  const seen = { version: source.version };
  const statuses = await Promise.all(Array.from({ length: 50 }, () => statusOf(removeSource(reviewer, claim!.id, source.id, seen))));
  assert.deepEqual(
    { ok: statuses.filter((s) => s === 200).length, conflict: statuses.filter((s) => s === 409).length },
    { ok: 1, conflict: 49 },
  );
  const events = await db().event.count({ where: { type: 'source.removed', targetId: claim!.id } });
  assert.equal(events, 1, 'one source.removed event');
  const again = await refusal(removeSource(reviewer, claim!.id, source.id, { version: await claimVersion(claim!.id) }));
  assert.equal(again.status, 409);
  assert.match(again.message, /already been removed.*Reload/);
  assert.equal((await refusal(removeSource(reviewer, claim!.id, 'no-such-source', { version: await claimVersion(claim!.id) }))).status, 404);
});

const BAD_TEXT = {
  nul: { value: 'Fares rose\u0000 12 percent', message: /NUL character \(U\+0000\) at character \d+.*Remove it/ },
  'lone high surrogate': { value: 'Fares rose \uD83D percent', message: /unpaired UTF-16 surrogate\) at character \d+.*Re-type/ },
  'lone low surrogate': { value: '\uDE00 Fares rose', message: /unpaired UTF-16 surrogate\) at character \d+.*Re-type/ },
};

describe('text neither engine can store is 422 with the field named, and nothing is written', () => {
  for (const [kind, bad] of Object.entries(BAD_TEXT)) {
    test(kind, async () => {
      const [c1, c2] = await claimsOfNewArticle();
      const reviewed = await recordVerdict(reviewer, c2!.id, { rating: 'True', explanation: 'Matches the fare table.', version: c2!.version });
      const article = { title: 'Fares', byline: 'Desk', text: TEXT };
      const source = { url: 'https://example.org/fares', title: 'Fare table', publisher: 'Authority', quote: '12 percent', stance: 'supports' };
      const cases: Array<[string, string, (v: string) => Promise<unknown>]> = [
        ['article title', 'title', (v) => createArticle(editor, { ...article, title: v })],
        ['article byline', 'byline', (v) => createArticle(editor, { ...article, byline: v })],
        ['article text', 'text', (v) => createArticle(editor, { ...article, text: v })],
        ['article text as HTML', 'text', (v) => createArticle(editor, { ...article, format: 'html', text: `<p>${v}</p>` })],
        ['source URL', 'url', async (v) => attachSource(reviewer, c1!.id, { ...source, url: `https://example.org/${v}`, version: await claimVersion(c1!.id) })],
        ['source title', 'title', async (v) => attachSource(reviewer, c1!.id, { ...source, title: v, version: await claimVersion(c1!.id) })],
        ['source publisher', 'publisher', async (v) => attachSource(reviewer, c1!.id, { ...source, publisher: v, version: await claimVersion(c1!.id) })],
        ['source quote', 'quote', async (v) => attachSource(reviewer, c1!.id, { ...source, quote: v, version: await claimVersion(c1!.id) })],
        ['verdict explanation', 'explanation', (v) => recordVerdict(reviewer, c1!.id, { rating: 'False', explanation: v, version: c1!.version })],
        ['verdict correction', 'correction', (v) => recordVerdict(reviewer, c1!.id, { rating: 'False', explanation: 'Wrong.', correction: v, version: c1!.version })],
        ['dismissal reason', 'reason', (v) => dismissClaim(reviewer, c1!.id, { reason: v, version: c1!.version })],
        ['relation note', 'note', (v) => addRelation(reviewer, { a: c1!.id, b: c2!.id, type: 'supports', note: v })],
        ['relation claim a', 'a', (v) => addRelation(reviewer, { a: v, b: c2!.id, type: 'supports', note: 'Same figure.' })],
        ['relation claim b', 'b', (v) => addRelation(reviewer, { a: c1!.id, b: v, type: 'supports', note: 'Same figure.' })],
        ['reused claim', 'from', (v) => reuseReview(reviewer, c1!.id, { from: v, version: c1!.version })],
      ];
      const start = await rowCounts();
      for (const [name, field, run] of cases) {
        const e = await refusal(run(bad.value));
        assert.equal(e.status, 422, `${name}: ${e.message}`);
        assert.match(e.fields?.[field] ?? '', bad.message, `${name}: the field says what is wrong and where`);
      }
      assert.deepEqual(await rowCounts(), start, 'nothing written');
      assert.ok(reviewed.version > c2!.version);
    });
  }
});

test('a version outside PostgreSQL integer range is 422 on both engines; the largest valid one is a 409', async () => {
  const [c1, c2] = await claimsOfNewArticle();
  await recordVerdict(reviewer, c2!.id, { rating: 'True', explanation: 'Matches.', version: c2!.version });
  const start = await rowCounts();
  for (const version of [2 ** 31, 2 ** 53 + 2, 1e308, -1, 0, 1.5]) {
    for (const [name, run] of [
      ['verdict', () => recordVerdict(reviewer, c1!.id, { rating: 'False', explanation: 'Wrong.', version })],
      ['dismissal', () => dismissClaim(reviewer, c1!.id, { reason: 'Opinion', version })],
      ['reuse', () => reuseReview(reviewer, c1!.id, { from: c2!.id, version })],
    ] as const) {
      const e = await refusal(run());
      assert.equal(e.status, 422, `${name} with version ${version}`);
      assert.match(e.fields?.version ?? '', /version/);
    }
  }
  assert.equal(await statusOf(recordVerdict(reviewer, c1!.id, { rating: 'False', explanation: 'Wrong.', version: 2 ** 31 - 1 })), 409);
  assert.deepEqual(await rowCounts(), start, 'nothing written');
});

test('an id that cannot be stored (from the URL) finds nothing: the same 404 on both engines, nothing written', async () => {
  const [c1] = await claimsOfNewArticle();
  const start = await rowCounts();
  for (const bad of ['\u0000', `${c1!.id}\u0000`, '\uD800']) {
    for (const [name, run] of [
      ['read article', () => getArticle(reviewer, bad)],
      ['read history', () => listHistory(reviewer, bad)],
      ['archive matches', () => findArchiveMatches(reviewer, bad)],
      ['verdict', () => recordVerdict(reviewer, bad, { rating: 'False', explanation: 'Wrong.', version: 1 })],
      ['remove source', async () => removeSource(reviewer, c1!.id, bad, { version: await claimVersion(c1!.id) })],
      ['confirm relation', async () => setRelationStatus(reviewer, bad, 'confirmed', { version: await relationVersion(bad) })],
    ] as const) {
      const e = await refusal(run());
      assert.equal(e.status, 404, `${name} with ${JSON.stringify(bad)}: ${e.message}`);
    }
  }
  assert.deepEqual(await rowCounts(), start, 'nothing written');
});
