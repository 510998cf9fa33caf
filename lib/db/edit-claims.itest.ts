// Correcting the extraction by hand, on a real database (SQLite or PostgreSQL, per DATABASE_URL):
// add, resize, split, merge and not-a-claim; their 409s and 422s, the role matrix, history events,
// ordinals in text order, and how a span marked not a claim leaves the gate and every export.
// Named to sort after data-layer.itest.ts: node runs test files in path order, and that file tests
// the first run on an empty database (the first account becomes admin).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import type { Actor, Role } from '../auth/permissions';
import type { ClaimDto } from './claim-dto';
import { createArticle, getArticle } from './articles';
import { addClaim, markNotAClaim, mergeClaims, resizeClaim, splitClaim } from './claim-edits';
import { attachSource, dismissClaim, recordVerdict } from './claims';
import { exportArticle } from './exports';
import { listEditFeedbackAsOperator } from './feedback';
import { listHistory } from './history';
import { addRelation } from './relations';
import { loadRevision } from './revisions';
import { createUserAsOperator } from './users';
import { verifyArticle } from './verification';
import { claimVersion, statusOf } from './testing';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery staple';
const actors = {} as Record<Role, Actor>;

before(async () => {
  for (const role of ['admin', 'editor', 'reviewer'] as const) {
    const u = await createUserAsOperator({ email: `edits-${role}@example.com`, password: PASSWORD, role });
    actors[role] = { id: u.id, email: u.email, name: '', role };
  }
});

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try { await p; } catch (e) { if (e instanceof AppError) return e; throw e; }
  assert.fail('expected an error');
}

const load = async (title: string, text = seed) => (await createArticle(actors.editor, { title, byline: 'Carolyn Briggs', text })).id;
const claimsOf = async (id: string) => (await getArticle(actors.reviewer, id)).claims;
const find = (claims: ClaimDto[], words: string) => {
  const c = claims.find((x) => x.quote.includes(words));
  assert.ok(c, `a claim with "${words}"`);
  return c;
};
const spanOf = (words: string, text = seed) => {
  const start = text.indexOf(words);
  assert.ok(start >= 0, `the text has "${words}"`);
  return { start, end: start + words.length };
};
/** Claim numbers read 1..n top to bottom, whatever was edited. */
function assertOrdinals(claims: ClaimDto[]) {
  const byStart = [...claims].sort((a, b) => a.start - b.start);
  assert.deepEqual(byStart.map((c) => c.ordinal), byStart.map((_, i) => i + 1), 'ordinals follow the text');
  for (let i = 1; i < byStart.length; i++) assert.ok(byStart[i - 1]!.end <= byStart[i]!.start, 'no two claims overlap');
}
const lastEvent = async (id: string) => (await listHistory(actors.editor, id)).at(-1)!;
const source = { url: 'https://example.org/evidence', title: 'Evidence', stance: 'supports' } as const;

describe('add a claim from a span', () => {
  test('the words become a claim with the extractor\u2019s analysis, stored like extracted ones, numbered in text order', async () => {
    const id = await load('Add');
    const before = await claimsOf(id);
    // Not extracted: a bare description with no number. A reviewer thinks it is checkable.
    const words = 'Putin had ensured that it would be awkward';
    assert.ok(!before.some((c) => c.quote.includes(words)), 'the extractor missed it');
    const s = spanOf(words);
    // A mouse selection that took the space before the first word: trimmed.
    assert.equal(seed[s.start - 1], ' ');
    const added = await addClaim(actors.reviewer, id, { start: s.start - 1, end: s.end });
    assert.deepEqual([added.start, added.end, added.quote], [s.start, s.end, words]);
    assert.equal(added.status, 'open');
    assert.equal(added.checkworthy, true);
    assert.ok(added.entities.some((e) => e.text === 'Putin'), 'entities computed');
    assert.equal(added.version, 1);
    const after = await claimsOf(id);
    assert.equal(after.length, before.length + 1);
    assert.equal(after.find((c) => c.id === added.id)!.ordinal, before.filter((c) => c.start < s.start).length + 1);
    assertOrdinals(after);

    const stat = spanOf('more than 320,000 people have died in six years');
    const n = await errorOf(addClaim(actors.reviewer, id, stat));
    assert.equal(n.status, 422, 'overlaps the extracted claim');
    assert.match(n.message, /overlap claim \d+/);

    const e = await lastEvent(id);
    assert.equal(e.type, 'claim.added');
    assert.deepEqual(e.target, { type: 'claim', id: added.id });
    const payload = e.after as { quote: string; sentence: string; sentenceStart: number; start: number };
    assert.equal(payload.quote, words);
    assert.equal(payload.sentence, 'Before the sit-down, Putin had ensured that it would be awkward.');
    assert.equal(seed.slice(payload.sentenceStart, payload.sentenceStart + payload.sentence.length), payload.sentence);
  });

  test('refuses spans outside the text, empty or blank (422), unknown articles (404), and writes nothing', async () => {
    const id = await load('Add refusals');
    const count = (await claimsOf(id)).length;
    const events = (await listHistory(actors.editor, id)).length;
    const outside = await errorOf(addClaim(actors.reviewer, id, { start: 10, end: seed.length + 5 }));
    assert.equal(outside.status, 422);
    assert.match(outside.message, /outside the article's text/);
    assert.equal(await statusOf(addClaim(actors.reviewer, id, { start: 40, end: 40 })), 422);
    const blank = seed.indexOf('\n\n');
    assert.equal(await statusOf(addClaim(actors.reviewer, id, { start: blank, end: blank + 2 })), 422);
    assert.equal(await statusOf(addClaim(actors.reviewer, id, { start: -1, end: 4 })), 422);
    assert.equal(await statusOf(addClaim(actors.reviewer, id, { start: '0', end: 4 })), 422);
    assert.equal(await statusOf(addClaim(actors.reviewer, 'no-such-article', { start: 0, end: 4 })), 404);
    assert.equal((await claimsOf(id)).length, count);
    assert.equal((await listHistory(actors.editor, id)).length, events, 'no event for a refused write');
  });

  test('two reviewers adding overlapping spans at once: exactly one claim is added', async () => {
    const id = await load('Add race');
    const a = spanOf('Before the sit-down, Putin had ensured');
    const b = spanOf('Putin had ensured that it would be awkward');
    const results = await Promise.all([statusOf(addClaim(actors.reviewer, id, a)), statusOf(addClaim(actors.editor, id, b))]);
    assert.deepEqual([...results].sort(), [200, 422]);
    assertOrdinals(await claimsOf(id));
  });
});

describe('resize', () => {
  test('moves the span and re-analyses it; a rated claim goes stale with the words it was rated on', async () => {
    const id = await load('Resize');
    const claim = find(await claimsOf(id), 'killed 87 people');
    await attachSource(actors.reviewer, claim.id, { ...source, version: await claimVersion(claim.id) });
    const rated = await recordVerdict(actors.reviewer, claim.id, { rating: 'True', explanation: 'OPCW: 87.', version: await claimVersion(claim.id) });
    const s = spanOf('the attack on a rebel-held Syrian town last week killed 87 people');
    const resized = await resizeClaim(actors.reviewer, claim.id, { ...s, version: rated.version });
    assert.equal(resized.quote, seed.slice(s.start, s.end));
    assert.equal(resized.version, rated.version + 1);
    assert.equal(resized.stale, true);
    assert.equal(resized.previousQuote, claim.quote);
    assert.equal(resized.publicState.kind, 'stale', 'its verdict is not published for other words');
    assert.equal(resized.sources.length, 1, 'sources stay');
    assert.ok(resized.numbers.some((n) => n.value === 87));
    const e = await lastEvent(id);
    assert.equal(e.type, 'claim.resized');
    assert.deepEqual((e.before as { quote: string }).quote, claim.quote);
    assertOrdinals(await claimsOf(id));
  });

  test('409 on a stale version; 422 when unchanged, empty, outside the text or over a neighbour', async () => {
    const id = await load('Resize refusals');
    const claims = await claimsOf(id);
    const claim = find(claims, 'killed 87 people');
    const v = claim.version;
    assert.equal(await statusOf(resizeClaim(actors.reviewer, claim.id, { start: claim.start, end: claim.end - 1, version: v + 1 })), 409);
    assert.equal(await statusOf(resizeClaim(actors.reviewer, claim.id, { start: claim.start, end: claim.end, version: v })), 422);
    assert.equal(await statusOf(resizeClaim(actors.reviewer, claim.id, { start: claim.start, end: claim.start, version: v })), 422);
    assert.equal(await statusOf(resizeClaim(actors.reviewer, claim.id, { start: claim.start, end: seed.length + 1, version: v })), 422);
    const next = [...claims].sort((a, b) => a.start - b.start).find((c) => c.start > claim.end)!;
    const over = await errorOf(resizeClaim(actors.reviewer, claim.id, { start: claim.start, end: next.start + 3, version: v }));
    assert.equal(over.status, 422);
    assert.match(over.message, new RegExp(`claim ${next.ordinal}`));
    assert.equal(await statusOf(resizeClaim(actors.reviewer, 'no-such-claim', { start: 0, end: 3, version: 1 })), 404);
    assert.equal(find(await claimsOf(id), 'killed 87 people').version, v, 'nothing written');
  });
});

describe('split', () => {
  test('two claims: the first keeps the review (stale), the second is new and open with copies of the sources', async () => {
    const id = await load('Split');
    const claims = await claimsOf(id);
    // Extraction already splits the veto sentence at "and reflected"; split its second atom.
    const claim = find(claims, 'reflected the deep division');
    await attachSource(actors.reviewer, claim.id, { ...source, version: await claimVersion(claim.id) });
    const rated = await recordVerdict(actors.reviewer, claim.id, { rating: 'Mostly true', explanation: 'Eighth.', version: await claimVersion(claim.id) });
    const at = seed.indexOf(' and to help end the six-year');
    const { claims: [first, second] } = await splitClaim(actors.reviewer, claim.id, { at, version: rated.version });
    assert.equal(first.id, claim.id);
    assert.equal(first.end, at);
    assert.equal(first.quote, seed.slice(claim.start, at));
    assert.equal(second.start, at + 1, 'the space between the parts belongs to neither');
    assert.equal(second.end, claim.end);
    assert.equal(first.stale, true);
    assert.equal(first.verdict?.rating, 'Mostly true');
    assert.equal(second.status, 'open');
    assert.equal(second.verdict, null);
    assert.deepEqual(second.sources.map((s) => s.url), [source.url]);
    assert.equal(second.ordinal, first.ordinal + 1);
    const after = await claimsOf(id);
    assert.equal(after.length, claims.length + 1);
    assertOrdinals(after);
    const e = await lastEvent(id);
    assert.equal(e.type, 'claim.split');
    assert.deepEqual((e.after as { parts: Array<{ quote: string }> }).parts.map((p) => p.quote), [first.quote, second.quote]);
  });

  test('422 for a point outside the claim or at its edge; 409 on a stale version', async () => {
    const id = await load('Split refusals');
    const claim = find(await claimsOf(id), 'It was the eighth veto');
    assert.equal(await statusOf(splitClaim(actors.reviewer, claim.id, { at: claim.start, version: claim.version })), 422);
    assert.equal(await statusOf(splitClaim(actors.reviewer, claim.id, { at: claim.end + 10, version: claim.version })), 422);
    // At the space after the first word both parts have words, so only the stale version stops it.
    const space = claim.quote.indexOf(' ');
    assert.equal(await statusOf(splitClaim(actors.reviewer, claim.id, { at: claim.start + space, version: claim.version + 3 })), 409);
    // At its very end there is no second part.
    assert.equal(await statusOf(splitClaim(actors.reviewer, claim.id, { at: claim.end, version: claim.version })), 422);
    assert.equal(find(await claimsOf(id), 'It was the eighth veto').version, claim.version);
  });
});

describe('merge', () => {
  test('neighbours become one claim; the others are archived as merged, their sources and links move over', async () => {
    const id = await load('Merge');
    const claims = [...(await claimsOf(id))].sort((a, b) => a.start - b.start);
    const a = find(claims, 'Russian President Vladimir Putin believes');
    const b = claims[claims.indexOf(a) + 1]!;
    const far = claims[claims.indexOf(b) + 3]!;
    await attachSource(actors.reviewer, b.id, { ...source, url: 'https://example.org/b', version: await claimVersion(b.id) });
    await addRelation(actors.reviewer, { a: b.id, b: far.id, type: 'contradicts', note: 'Flagged by hand' });
    const { claim: merged, merged: gone } = await mergeClaims(actors.reviewer, { ids: [b.id, a.id], versions: [await claimVersion(b.id), a.version] });
    assert.equal(merged.id, a.id, 'the first in the text keeps its id');
    assert.deepEqual(gone, [b.id]);
    assert.deepEqual([merged.start, merged.end], [a.start, b.end]);
    assert.equal(merged.quote, seed.slice(a.start, b.end));
    assert.deepEqual(merged.sources.map((s) => s.url), ['https://example.org/b']);
    const article = await getArticle(actors.reviewer, id);
    assert.equal(article.claims.length, claims.length - 1);
    assert.ok(!article.claims.some((c) => c.id === b.id));
    assert.ok(!article.archived.some((c) => c.id === b.id), 'not listed as removed by a draft');
    assert.ok(article.relations.some((r) => r.type === 'contradicts' && [r.a, r.b].sort().join() === [a.id, far.id].sort().join()), 'the flagged contradiction now links the merged claim');
    assertOrdinals(article.claims);
    const e = await lastEvent(id);
    assert.equal(e.type, 'claim.merged');
    assert.deepEqual((e.before as { claims: Array<{ id: string }> }).claims.map((c) => c.id), [a.id, b.id]);
    // The merged-away claim takes no more review actions.
    assert.equal(await statusOf(dismissClaim(actors.reviewer, b.id, { reason: 'x', version: b.version + 1 })), 409);
  });

  test('422 when a claim lies between, for one claim, or across articles; 409 on a stale version; 404 unknown', async () => {
    const id = await load('Merge refusals');
    const claims = [...(await claimsOf(id))].sort((a, b) => a.start - b.start);
    const [c1, c2, c3] = claims as [ClaimDto, ClaimDto, ClaimDto];
    const between = await errorOf(mergeClaims(actors.reviewer, { ids: [c1.id, c3.id], versions: [c1.version, c3.version] }));
    assert.equal(between.status, 422);
    assert.match(between.message, new RegExp(`claim ${c2.ordinal} lies between`));
    assert.equal(await statusOf(mergeClaims(actors.reviewer, { ids: [c1.id], versions: [c1.version] })), 422);
    assert.equal(await statusOf(mergeClaims(actors.reviewer, { ids: [c1.id, c2.id], versions: [c1.version] })), 422);
    assert.equal(await statusOf(mergeClaims(actors.reviewer, { ids: [c1.id, c1.id], versions: [c1.version, c1.version] })), 422);
    assert.equal(await statusOf(mergeClaims(actors.reviewer, { ids: [c1.id, c2.id], versions: [c1.version, c2.version + 1] })), 409);
    assert.equal(await statusOf(mergeClaims(actors.reviewer, { ids: [c1.id, 'no-such-claim'], versions: [1, 1] })), 404);
    const other = (await claimsOf(await load('Merge other')))[0]!;
    assert.equal(await statusOf(mergeClaims(actors.reviewer, { ids: [c1.id, other.id], versions: [c1.version, other.version] })), 422);
    assert.equal((await claimsOf(id)).length, claims.length, 'nothing merged');
  });
});

describe('not a claim', () => {
  test('leaves the claims, the publish gate and every export; its number goes to the next claim', async () => {
    const id = await load('Not a claim');
    const claims = await claimsOf(id);
    const furniture = find(claims, 'Syria had sent dozens of letters');
    // With a source, it would have a footnote, a CSV row and a marked span in every export.
    await attachSource(actors.reviewer, furniture.id, { ...source, url: 'https://example.org/letters', version: await claimVersion(furniture.id) });
    // Everything else is dealt with: the gate's only problem is this claim.
    for (const c of claims) if (c.id !== furniture.id) await dismissClaim(actors.reviewer, c.id, { reason: 'Context', version: c.version });
    const gate = await errorOf(verifyArticle(actors.editor, id, {}));
    assert.deepEqual((gate.details?.missing as Array<{ claimId: string }>).map((m) => m.claimId), [furniture.id]);

    const marked = await markNotAClaim(actors.reviewer, furniture.id, { version: await claimVersion(furniture.id) });
    assert.equal(marked.status, 'not_a_claim');
    const article = await getArticle(actors.editor, id);
    assert.equal(article.claims.length, claims.length - 1);
    assert.ok(!article.claims.some((c) => c.id === furniture.id));
    assert.ok(!article.archived.some((c) => c.id === furniture.id));
    assertOrdinals(article.claims);

    const html = (await exportArticle(actors.editor, id, 'html')).body;
    assert.ok(!html.includes(`data-claim="${furniture.id}"`), 'not marked in the HTML');
    assert.ok(html.includes('dozens of letters'), 'the words stay in the article');
    const csv = (await exportArticle(actors.editor, id, 'csv')).body;
    assert.ok(!csv.includes('dozens of letters') && !csv.includes('example.org/letters'), 'no CSV row');
    assert.equal((csv.trim().split('\r\n').length - 1), article.claims.length);
    const md = (await exportArticle(actors.editor, id, 'md')).body;
    assert.ok(!md.includes('example.org/letters'), 'no Markdown footnote');
    assert.ok(md.includes('dozens of letters'));
    const ld = JSON.parse((await exportArticle(actors.editor, id, 'jsonld')).body) as Array<{ claimReviewed: string }>;
    assert.ok(!ld.some((r) => r.claimReviewed.includes('dozens of letters')));

    const verified = await verifyArticle(actors.editor, id, {});
    assert.equal(verified.overridden, false, 'the gate passes without the not-a-claim span');
    const e = (await listHistory(actors.editor, id)).filter((x) => x.type === 'claim.not-a-claim');
    assert.equal(e.length, 1);
    assert.equal((e[0]!.after as { quote: string }).quote, furniture.quote);
  });

  test('409: a stale version, twice, or reviewing it afterwards; a new draft does not bring it back', async () => {
    const id = await load('Not a claim refusals');
    const claim = find(await claimsOf(id), 'Syria had sent dozens of letters');
    assert.equal(await statusOf(markNotAClaim(actors.reviewer, claim.id, { version: claim.version + 1 })), 409);
    const marked = await markNotAClaim(actors.reviewer, claim.id, { version: claim.version });
    assert.equal(await statusOf(markNotAClaim(actors.reviewer, claim.id, { version: marked.version })), 409);
    assert.equal(await statusOf(recordVerdict(actors.reviewer, claim.id, { rating: 'True', explanation: 'x', version: marked.version })), 409);
    assert.equal(await statusOf(attachSource(actors.reviewer, claim.id, { ...source, version: await claimVersion(claim.id) })), 409);
    assert.equal(await statusOf(resizeClaim(actors.reviewer, claim.id, { start: claim.start, end: claim.end - 2, version: marked.version })), 409);
    // Its words can be added again as a claim: the reviewer's way back.
    const again = await addClaim(actors.reviewer, id, { start: claim.start, end: claim.end });
    await markNotAClaim(actors.reviewer, again.id, { version: again.version });
    // A new draft re-anchors the span but does not offer the same words as a new claim.
    await loadRevision(actors.editor, id, { text: `${seed}\nThe Security Council has 15 members.\n`, basedOn: 1 });
    const article = await getArticle(actors.editor, id);
    assert.ok(!article.claims.some((c) => c.quote.includes('dozens of letters')), 'not extracted again');
    assert.ok(article.claims.some((c) => c.quote.includes('15 members')), 'the new sentence is');
    assertOrdinals(article.claims);
  });
});

describe('every edit', () => {
  test('is refused on a claim removed by a later draft (409)', async () => {
    const id = await load('Archived');
    const claim = find(await claimsOf(id), 'Syria had sent dozens of letters');
    const sentence = 'Syrian U.N. Ambassador Bashar Ja\'afari said Syria had sent dozens of letters to the Security Council, some detailing "the smuggling of sarin from Libya through Turkey on a civilian air plane by using a Syrian citizen".';
    assert.ok(seed.includes(sentence));
    await loadRevision(actors.editor, id, { text: seed.replace(sentence, ''), basedOn: 1 });
    const v = claim.version + 1;
    assert.equal(await statusOf(resizeClaim(actors.reviewer, claim.id, { start: claim.start, end: claim.end - 2, version: v })), 409);
    assert.equal(await statusOf(splitClaim(actors.reviewer, claim.id, { at: claim.start + 10, version: v })), 409);
    assert.equal(await statusOf(markNotAClaim(actors.reviewer, claim.id, { version: v })), 409);
    const other = (await claimsOf(id))[0]!;
    assert.equal(await statusOf(mergeClaims(actors.reviewer, { ids: [other.id, claim.id], versions: [other.version, v] })), 409);
  });

  test('role matrix: every role may correct the extraction; no session is 401', async () => {
    const id = await load('Roles');
    for (const role of ['reviewer', 'editor', 'admin'] as const) {
      const actor = actors[role];
      const claims = [...(await claimsOf(id))].sort((a, b) => a.start - b.start);
      const c = claims[claims.length - 1]!;
      const resized = await resizeClaim(actor, c.id, { start: c.start, end: c.end - 1, version: c.version });
      const { claims: [first, second] } = await splitClaim(actor, c.id, { at: c.start + c.quote.indexOf(' ', 10), version: resized.version });
      const merged = await mergeClaims(actor, { ids: [first.id, second.id], versions: [first.version, second.version] });
      await markNotAClaim(actor, merged.claim.id, { version: merged.claim.version });
      const added = await addClaim(actor, id, { start: c.start, end: c.end });
      assert.equal(added.quote, c.quote, `${role} added it back`);
    }
    const c = (await claimsOf(id))[0]!;
    assert.equal(await statusOf(addClaim(null, id, { start: 0, end: 3 })), 401);
    assert.equal(await statusOf(resizeClaim(null, c.id, { start: c.start, end: c.end - 1, version: c.version })), 401);
    assert.equal(await statusOf(splitClaim(null, c.id, { at: c.start + 5, version: c.version })), 401);
    assert.equal(await statusOf(mergeClaims(null, { ids: [c.id, c.id], versions: [1, 1] })), 401);
    assert.equal(await statusOf(markNotAClaim(null, c.id, { version: c.version })), 401);
    const types = (await listHistory(actors.editor, id)).map((e) => e.type);
    for (const t of ['claim.added', 'claim.resized', 'claim.split', 'claim.merged', 'claim.not-a-claim']) {
      assert.equal(types.filter((x) => x === t).length, 3, `three ${t} events`);
    }
  });

  test('returns a verified article to review, in history', async () => {
    const id = await load('Verified');
    const claims = await claimsOf(id);
    await verifyArticle(actors.editor, id, { override: 'Checked on paper' });
    const c = claims[0]!;
    await resizeClaim(actors.reviewer, c.id, { start: c.start, end: c.end - 1, version: c.version });
    const article = await getArticle(actors.editor, id);
    assert.equal(article.status, 'in_review');
    const events = await listHistory(actors.editor, id);
    assert.deepEqual(events.slice(-2).map((e) => e.type), ['claim.resized', 'article.unverified']);
  });

  test('each labelled edit is exported as feedback with its sentence and span', async () => {
    const id = await load('Feedback');
    const claims = await claimsOf(id);
    const furniture = find(claims, 'Syria had sent dozens of letters');
    await markNotAClaim(actors.reviewer, furniture.id, { version: furniture.version });
    const s = spanOf('Putin had ensured that it would be awkward');
    const added = await addClaim(actors.reviewer, id, s);
    const records = [];
    for await (const r of listEditFeedbackAsOperator()) if (r.article === id) records.push(r);
    assert.deepEqual(records.map((r) => [r.action, r.label, r.claim]), [['not_a_claim', 'not_a_claim', furniture.id], ['add', 'claim', added.id]]);
    for (const r of records) assert.equal(r.sentence.slice(r.span.start, r.span.end), r.span.text);
    assert.equal(records[1]!.span.text, 'Putin had ensured that it would be awkward');
  });
});
