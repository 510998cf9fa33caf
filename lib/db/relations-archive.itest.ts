// Relations between claims, reusing a review, and archive matching, on a real database.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../auth/permissions';
import { findArchiveMatches } from './archive';
import { createArticle, getArticle } from './articles';
import { attachSource, recordVerdict, reuseReview } from './claims';
import { listHistory } from './history';
import { addRelation, setRelationStatus } from './relations';
import { createUserAsOperator } from './users';
import { claimVersion, relationVersion, statusOf } from './testing';

let editor: Actor;
let reviewer: Actor;
const PASSWORD = 'correct horse battery';

before(async () => {
  const e = await createUserAsOperator({ email: 'rel-editor@example.com', password: PASSWORD, role: 'editor' });
  const r = await createUserAsOperator({ email: 'rel-reviewer@example.com', password: PASSWORD, role: 'reviewer' });
  editor = { id: e.id, email: e.email, name: '', role: 'editor' };
  reviewer = { id: r.id, email: r.email, name: '', role: 'reviewer' };
});

const BRIDGE = [
  'Bridge closure ahead',
  '',
  'The city council said the Elm Street bridge repairs would cost $40 million and take a three-week closure.',
  '',
  'Auditors put the cost of the Elm Street bridge repairs at $55 million in a report released on Monday.',
  '',
  'The Elm Street bridge carries 42,000 vehicles a day, according to the transport department.',
].join('\n');

test('an automatic contradiction is suggested; confirming it twice is 409; both are in history', async () => {
  const { id } = await createArticle(editor, { title: 'Bridge', text: BRIDGE });
  const article = await getArticle(reviewer, id);
  const contradiction = article.relations.find((r) => r.type === 'contradicts');
  assert.ok(contradiction, 'the $40 million vs $55 million contradiction is suggested');
  assert.equal(contradiction.status, 'suggested');
  // Issue 12: an attributed disagreement names both sources.
  assert.match(contradiction.reason, /^\$40 million \(the city council\) vs \$55 million \(Auditors\): /);
  await setRelationStatus(reviewer, contradiction.id, 'confirmed', { version: await relationVersion(contradiction.id) });
  assert.equal(await statusOf(setRelationStatus(reviewer, contradiction.id, 'confirmed', { version: await relationVersion(contradiction.id) })), 409);
  await setRelationStatus(editor, contradiction.id, 'dismissed', { version: await relationVersion(contradiction.id) });
  assert.equal(await statusOf(setRelationStatus(null, contradiction.id, 'confirmed', { version: await relationVersion(contradiction.id) })), 401);
  assert.equal(await statusOf(setRelationStatus(reviewer, 'nope', 'confirmed', { version: await relationVersion('nope') })), 404);
  const types = (await listHistory(editor, id)).map((e) => e.type);
  assert.deepEqual(types.slice(-2), ['relation.confirmed', 'relation.dismissed']);
});

test('a reviewer links two claims by hand; bad links are refused', async () => {
  const { id, claims } = await createArticle(editor, { title: 'Bridge 2', text: BRIDGE });
  const [a, b] = claims;
  const added = await addRelation(reviewer, { a: a!.id, b: b!.id, type: 'supports', note: 'Same repair programme' });
  assert.deepEqual([added.origin, added.status, added.type], ['manual', 'confirmed', 'supports']);
  assert.equal(await statusOf(addRelation(reviewer, { a: a!.id, b: a!.id, type: 'supports', note: 'x' })), 422);
  assert.equal(await statusOf(addRelation(reviewer, { a: a!.id, b: b!.id, type: 'agrees', note: '' })), 422);
  const other = await createArticle(editor, { title: 'Other', text: 'Fares rose 5 percent in 2024.' });
  assert.equal(await statusOf(addRelation(reviewer, { a: a!.id, b: other.claims[0]!.id, type: 'supports', note: 'x' })), 422);
  const article = await getArticle(editor, id);
  assert.ok(article.relations.some((r) => r.id === added.id && r.note === 'Same repair programme'));
  assert.equal((await listHistory(editor, id)).at(-1)!.type, 'relation.added');
});

test('a claim reviewed in one article is matched in the next, and its review can be reused', async () => {
  const first = await createArticle(editor, { title: 'Strike report', text: 'A missile strike on the town of Khan Sheikhoun killed 87 people, the health ministry said.' });
  const claim = first.claims[0]!;
  await attachSource(reviewer, claim.id, { url: 'https://example.org/opcw', title: 'OPCW report', stance: 'supports', version: await claimVersion(claim.id) });
  await recordVerdict(reviewer, claim.id, { rating: 'True', explanation: 'Matches the OPCW count.', version: await claimVersion(claim.id) });

  const second = await createArticle(editor, {
    title: 'Follow-up',
    text: 'The strike on Khan Sheikhoun killed 87 people, according to the health ministry.\n\nUnemployment in the region rose 4 percent last year.',
  });
  const target = second.claims.find((c) => c.quote.includes('87 people'))!;
  const matches = await findArchiveMatches(reviewer, target.id);
  assert.equal(matches.length, 1);
  assert.deepEqual([matches[0]!.claimId, matches[0]!.rating, matches[0]!.articleTitle], [claim.id, 'True', 'Strike report']);
  assert.equal(matches[0]!.sources[0]!.title, 'OPCW report');
  const unrelated = second.claims.find((c) => c.quote.includes('Unemployment'))!;
  assert.deepEqual(await findArchiveMatches(reviewer, unrelated.id), []);

  await reuseReview(reviewer, target.id, { from: claim.id, version: target.version });
  const after = (await getArticle(editor, second.id)).claims.find((c) => c.id === target.id)!;
  assert.equal(after.verdict?.rating, 'True');
  assert.equal(after.sources[0]?.title, 'OPCW report');
  const event = (await listHistory(editor, second.id)).at(-1)!;
  assert.equal(event.type, 'review.reused');
  assert.equal((event.after as { fromArticleTitle: string }).fromArticleTitle, 'Strike report');
  assert.equal(await statusOf(reuseReview(reviewer, target.id, { from: claim.id, version: target.version })), 409);
  assert.equal(await statusOf(reuseReview(reviewer, unrelated.id, { from: unrelated.id, version: 1 })), 422);
});

test('search input with query syntax is treated as words', async () => {
  const { claims } = await createArticle(editor, { title: 'Syntax', text: 'Officials said "NEAR(a b)" OR * AND -- killed 12 people; DROP TABLE in 2020.' });
  assert.ok(Array.isArray(await findArchiveMatches(reviewer, claims[0]!.id)));
});
