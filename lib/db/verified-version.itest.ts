// The verified version on a real database (SQLite or PostgreSQL, per DATABASE_URL): one public state
// for page, API and every export; new drafts re-anchor claims; corrections, the publish gate and the
// verified exports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import type { Actor } from '../auth/permissions';
import type { ClaimDto } from './claim-dto';
import { createArticle, getArticle, listArticles } from './articles';
import { approveVerdict, attachSource, dismissClaim, recordVerdict } from './claims';
import { exportArticle } from './exports';
import { listHistory } from './history';
import { loadRevision } from './revisions';
import { createUserAsOperator } from './users';
import { decideCorrection, updateArticle, verifyArticle } from './verification';
import { claimVersion, statusOf } from './testing';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const PASSWORD = 'correct horse battery staple';
let editor: Actor;
let reviewer: Actor;

before(async () => {
  const e = await createUserAsOperator({ email: 'vv-editor@example.com', password: PASSWORD, role: 'editor' });
  const r = await createUserAsOperator({ email: 'vv-reviewer@example.com', password: PASSWORD, role: 'reviewer' });
  editor = { id: e.id, email: e.email, name: '', role: 'editor' };
  reviewer = { id: r.id, email: r.email, name: '', role: 'reviewer' };
});

const find = (claims: ClaimDto[], words: string) => {
  const c = claims.find((x) => x.quote.includes(words));
  assert.ok(c, `a claim with "${words}"`);
  return c;
};
const source = { url: 'https://example.org/evidence', title: 'Evidence', stance: 'supports' } as const;

async function rate(claim: ClaimDto, rating: string, extra: { correction?: string; withSource?: boolean } = {}) {
  if (extra.withSource !== false) await attachSource(reviewer, claim.id, { ...source, version: await claimVersion(claim.id) });
  const fresh = (await getArticle(reviewer, (await findArticleOf(claim.id)))).claims.find((c) => c.id === claim.id)!;
  const saved = await recordVerdict(reviewer, claim.id, { rating, explanation: `Rated ${rating}.`, correction: extra.correction, version: fresh.version });
  // New articles need an editor's approval before a verdict is published (decision 018).
  const approved = await approveVerdict(editor, claim.id, { version: saved.version });
  return { ...saved, version: approved.version };
}
const articleOf = new Map<string, string>();
async function findArticleOf(claimId: string) { return articleOf.get(claimId)!; }
async function load(title: string, text = seed) {
  const created = await createArticle(editor, { title, byline: 'Carolyn Briggs', text });
  for (const c of created.claims) articleOf.set(c.id, created.id);
  return created;
}

describe('one public state everywhere', () => {
  test('page/API, annotated HTML, Markdown, JSON-LD and CSV agree claim by claim, including withdrawn ratings', async () => {
    const { id, claims } = await load('States');
    const ratedTrue = find(claims, 'killed 87 people');
    const withdrawn = find(claims, 'eighth veto by Russian Federation');
    const reinstated = find(claims, 'Russia\'s veto was the eighth');
    const unverifiable = find(claims, 'dozens of letters');
    await rate(ratedTrue, 'True');
    // Rated True, then dismissed: the page says "Not checkable"; no export may still say True.
    const r1 = await rate(withdrawn, 'True');
    await dismissClaim(reviewer, withdrawn.id, { reason: 'Context, not a claim', version: r1.version });
    // Dismissed, then rated: rated.
    const d = await dismissClaim(reviewer, reinstated.id, { reason: 'first look', version: reinstated.version });
    const v = await recordVerdict(reviewer, reinstated.id, { rating: 'False', explanation: 'It was the eighth overall, but...', version: d.version });
    assert.equal((await getArticle(editor, id)).claims.find((c) => c.id === reinstated.id)!.publicState.label, 'Awaiting approval');
    await approveVerdict(editor, reinstated.id, { version: v.version });
    await rate(unverifiable, 'Unverifiable');

    const article = await getArticle(editor, id);
    const state = new Map(article.claims.map((c) => [c.id, c.publicState]));
    assert.equal(state.get(withdrawn.id)!.kind, 'dismissed');
    assert.equal(state.get(reinstated.id)!.label, 'False');
    assert.equal(state.get(unverifiable.id)!.kind, 'rated');

    const html = (await exportArticle(editor, id, 'html')).body;
    for (const c of article.claims) {
      const m = new RegExp(`data-claim="${c.id}" data-state="(\\w+)" data-verdict="([^"]+)"`).exec(html);
      assert.ok(m, `claim ${c.ordinal} is marked in the HTML`);
      assert.deepEqual([m[1], m[2]], [c.publicState.kind, c.publicState.label], `HTML agrees on claim ${c.ordinal}`);
    }
    assert.match(html, /Not verified/);
    const ld = JSON.parse((await exportArticle(editor, id, 'jsonld')).body) as Array<{ claimReviewed: string; reviewRating: { alternateName: string; ratingValue?: number } }>;
    const rated = article.claims.filter((c) => c.publicState.kind === 'rated');
    assert.deepEqual(ld.map((r) => r.reviewRating.alternateName).sort(), rated.map((c) => c.publicState.label).sort());
    assert.ok(!ld.some((r) => r.claimReviewed === withdrawn.text), 'the withdrawn rating is not published');
    assert.equal(ld.find((r) => r.reviewRating.alternateName === 'Unverifiable')!.reviewRating.ratingValue, undefined);
    const csv = (await exportArticle(editor, id, 'csv')).body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    for (const c of article.claims) {
      const row = csv.find((r) => r.startsWith(`c${c.ordinal},`));
      assert.ok(row?.includes(`,${c.publicState.label},`) && row.includes(`,${c.publicState.kind},`), `CSV agrees on claim ${c.ordinal}`);
    }
    assert.ok(!csv.find((r) => r.startsWith(`c${withdrawn.ordinal},`))!.includes('Rated True.'), 'no explanation of a withdrawn rating');
    const md = (await exportArticle(editor, id, 'md')).body;
    assert.match(md, /\*\*Not checkable\*\*: Context, not a claim/);
    assert.equal((md.match(/\*\*True\*\*/g) ?? []).length, 1, 'only the claim still rated True says True');
  });
});

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the text has "${from}"`);
  return text.replace(from, to);
}

describe('new drafts', () => {
  test('kept claims keep their review, edited ones go stale with before/after, removed ones are archived, new ones appear', async () => {
    const { id, claims } = await load('Drafts');
    const kept = find(claims, 'Russia\'s veto was the eighth');
    const edited = find(claims, 'killed 87 people');
    const removed = find(claims, 'dozens of letters');
    await rate(kept, 'True');
    await rate(edited, 'True');
    const removedReview = await rate(removed, 'Mixed');
    let text = edit(seed, 'killed 87 people', 'killed 78 people');
    const removedSentence = removed.quote;
    text = edit(text, removedSentence, '');
    text = `${text.trimEnd()}\n\nThe Security Council has 15 members, five of them permanent.\n`;
    const result = await loadRevision(editor, id, { text, basedOn: 1 });
    assert.equal(result.revision.number, 2);
    assert.deepEqual([result.stale, result.removed], [1, 1]);
    assert.ok(result.new >= 1 && result.kept >= claims.length - 3, JSON.stringify(result));

    const article = await getArticle(editor, id);
    assert.equal(article.revision.number, 2);
    assert.equal(article.status, 'in_review');
    const k = article.claims.find((c) => c.id === kept.id)!;
    assert.deepEqual([k.publicState.label, k.sources.length, k.quote], ['True', 1, kept.quote]);
    assert.equal(article.text.slice(k.start, k.end), k.quote, 'the kept claim points at its words in the new text');
    const s = article.claims.find((c) => c.id === edited.id)!;
    assert.equal(s.publicState.kind, 'stale');
    assert.match(s.quote, /killed 78 people/);
    assert.match(s.previousQuote!, /killed 87 people/);
    assert.ok(!article.claims.some((c) => c.id === removed.id));
    assert.deepEqual(article.archived.map((c) => [c.id, c.revision, c.publicState.label]), [[removed.id, 1, 'Mixed']]);
    assert.ok(article.claims.some((c) => c.quote.includes('15 members')), 'the new sentence is a claim');
    assert.deepEqual(article.claims.map((c) => c.ordinal), article.claims.map((_, i) => i + 1), 'claims are numbered in text order');

    // The stale claim is published as nothing until it is checked again.
    const ld = JSON.parse((await exportArticle(editor, id, 'jsonld')).body) as Array<{ claimReviewed: string }>;
    assert.ok(!ld.some((r) => r.claimReviewed.includes('78')));
    // A reviewer with the old dialog open cannot save on the archived claim.
    assert.equal(await statusOf(recordVerdict(reviewer, removed.id, { rating: 'True', explanation: 'x', version: removedReview.version })), 409);
    // Confirming the stale claim clears it and records the draft it was given on.
    await recordVerdict(reviewer, s.id, { rating: 'False', explanation: 'The toll was 87, not 78.', correction: s.previousQuote!, version: s.version });
    const history = await listHistory(editor, id);
    assert.deepEqual(history.filter((e) => e.type === 'verdict.recorded').map((e) => (e.after as { revision: number }).revision), [1, 1, 1, 2]);
    assert.ok(history.some((e) => e.type === 'claim.changed' && e.target.id === edited.id));
    assert.ok(history.some((e) => e.type === 'claim.archived' && e.target.id === removed.id));
    assert.equal(history.at(-1)!.type, 'verdict.recorded');
    const summary = (await listArticles(editor)).find((a) => a.id === id)!;
    assert.equal(summary.claims, article.claims.length, 'archived claims are not counted as current');
  });

  test('a draft based on an older one is 409; the same text is 422; two drafts at once: one wins', async () => {
    const { id } = await load('Race');
    const v2 = `${seed}\n\nA new paragraph says 12 people were hurt.`;
    assert.equal(await statusOf(loadRevision(editor, id, { text: seed })), 422);
    await loadRevision(editor, id, { text: v2, basedOn: 1 });
    assert.equal(await statusOf(loadRevision(editor, id, { text: `${v2} More.`, basedOn: 1 })), 409);
    const results = await Promise.all([`${v2}\n\nOne.`, `${v2}\n\nTwo.`].map((text) => statusOf(loadRevision(editor, id, { text }))));
    assert.deepEqual(results.sort(), [200, 409]);
    assert.equal((await getArticle(editor, id)).revisions.length, 3);
    assert.equal(await statusOf(loadRevision(reviewer, id, { text: `${v2} x` })), 403);
    assert.equal(await statusOf(loadRevision(editor, 'nope', { text: 'x' })), 404);
    assert.equal(await statusOf(loadRevision(editor, id, { text: '   ' })), 422);
  });
});

describe('corrections, the publish gate and the verified version', () => {
  test('the gate lists what is missing; review passes it; the verified export carries the correction and its note', async () => {
    const text = 'Court ruling\n\nThe court ruled 5-4 on Tuesday, a spokesman said.\n\nThe city spent $40 million on the project in 2024.';
    const { id, claims } = await load('Ruling', text);
    assert.equal((await getArticle(editor, id)).status, 'draft');
    assert.equal(await statusOf(exportArticle(editor, id, 'verified-html')), 409);
    const gate = await verifyArticle(editor, id, {}).catch((e: AppError) => e);
    assert.ok(gate instanceof AppError && gate.status === 409);
    assert.equal((gate.details!.missing as unknown[]).length, claims.length);

    const ruling = find(claims, 'ruled 5-4');
    const spend = find(claims, '$40 million');
    const r = await rate(ruling, 'False', { correction: 'The court ruled 6-3 on Tuesday, a spokesman said.' });
    await rate(spend, 'True');
    const pending = await verifyArticle(editor, id, {}).catch((e: AppError) => e);
    assert.deepEqual(((pending as AppError).details!.missing as Array<{ problem: string }>).map((m) => m.problem), ['correction_pending']);
    assert.equal(await statusOf(decideCorrection(reviewer, ruling.id, { decision: 'accept', version: r.version })), 403);
    await decideCorrection(editor, ruling.id, { decision: 'accept', version: r.version });
    await updateArticle(editor, id, { publicUrl: 'https://news.example/fact-checks/ruling' });
    assert.equal(await statusOf(updateArticle(editor, id, { publicUrl: 'javascript:alert(1)' })), 422);

    const verified = await verifyArticle(editor, id, {});
    assert.deepEqual([verified.status, verified.overridden], ['verified', false]);
    assert.equal(await statusOf(verifyArticle(editor, id, {})), 409);
    const html = (await exportArticle(editor, id, 'verified-html')).body;
    assert.match(html, /The court ruled 6-3 on Tuesday, a spokesman said\./);
    assert.ok(!html.includes('ruled 5-4 on Tuesday, a spokesman said.</p>'));
    assert.match(html, /Correction \(\d{4}-\d\d-\d\d\): An earlier version of this article said: &quot;The court ruled 5-4/);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Array<Record<string, any>>;
    assert.ok(ld.every((x) => x.url.startsWith('https://news.example/fact-checks/ruling#claim-')));
    assert.equal(ld.find((x) => x.reviewRating.alternateName === 'False')!.correction[0]['@type'], 'CorrectionComment');
    assert.equal((await getArticle(editor, id)).status, 'exported');
    const md = (await exportArticle(editor, id, 'verified-md')).body;
    assert.match(md, /## Corrections/);

    // The editor rewrites the note; that is in history and in the next export. Changing what is
    // published returns the article to review, so the verified export is refused until verified again.
    await updateArticle(editor, id, { correctionsNote: 'Correction: we misreported the vote as 5-4. It was 6-3.' });
    assert.equal((await getArticle(editor, id)).status, 'in_review');
    assert.equal(await statusOf(exportArticle(editor, id, 'verified-md')), 409);
    await verifyArticle(editor, id, {});
    assert.match((await exportArticle(editor, id, 'verified-md')).body, /we misreported the vote as 5-4\. It was 6-3\./);
    const types = (await listHistory(editor, id)).map((e) => e.type);
    for (const t of ['correction.accepted', 'article.updated', 'article.verified', 'article.unverified']) assert.ok(types.includes(t as never), t);
  });

  test('a correction decision names the verdict it read: after a newer verdict replaced it, it is 409 and changes nothing', async () => {
    const { id, claims } = await load('Correction race', 'The court ruled 5-4 on Tuesday, a spokesman said.\n\nThe city spent $40 million on the project in 2024.');
    const ruling = find(claims, 'ruled 5-4');
    await rate(ruling, 'False', { correction: 'The court ruled 6-3 on Tuesday, a spokesman said.' });
    // What the editor's page shows: the verdict and the claim version it read.
    const seen = (await getArticle(editor, id)).claims.find((c) => c.id === ruling.id)!;
    const read = seen.verdict!.id;
    // Meanwhile a colleague replaces the verdict with one proposing a different correction.
    const newer = await rate(ruling, 'Mostly false', { correction: 'The court ruled 7-2 on Tuesday, a spokesman said.', withSource: false });
    const stale = await decideCorrection(editor, ruling.id, { decision: 'accept', version: seen.version, verdictId: read }).catch((e: AppError) => e);
    assert.ok(stale instanceof AppError && stale.status === 409 && stale.details?.current, 'a stale page first gets the conflict with the colleague\'s claim');
    // A retry with the current version but still naming the verdict read before (not the one the
    // conflict showed) is refused: that correction is no longer the one being decided.
    const replaced = await decideCorrection(editor, ruling.id, { decision: 'accept', version: newer.version, verdictId: read }).catch((e: AppError) => e);
    assert.ok(replaced instanceof AppError && replaced.status === 409, 'refused');
    assert.match(replaced.message, /replaced by a newer one\. Nothing was changed: read the new verdict/);
    const after = (await getArticle(editor, id)).claims.find((c) => c.id === ruling.id)!;
    assert.deepEqual([after.verdict!.correction, after.verdict!.correctionStatus, after.version], ['The court ruled 7-2 on Tuesday, a spokesman said.', 'proposed', newer.version]);
    // Deciding on the verdict now shown goes through.
    const ok = await decideCorrection(editor, ruling.id, { decision: 'reject', version: after.version, verdictId: after.verdict!.id });
    assert.equal(ok.correctionStatus, 'rejected');
  });

  test('an override is recorded with its reason and printed in every export; a new draft returns the article to review', async () => {
    const { id } = await load('Override');
    assert.equal(await statusOf(verifyArticle(reviewer, id, { override: 'x' })), 403);
    const v = await verifyArticle(editor, id, { override: 'Breaking news: publishing with 2 claims pending, desk chief approved.' });
    assert.equal(v.overridden, true);
    for (const format of ['html', 'md', 'verified-html', 'verified-md'] as const) {
      assert.match((await exportArticle(editor, id, format)).body, /Published without full verification/, format);
    }
    assert.match((await exportArticle(editor, id, 'csv')).body, /verified by override/);
    const event = (await listHistory(editor, id)).find((e) => e.type === 'article.verified')!;
    assert.match((event.after as { override: string }).override, /desk chief approved/);
    await loadRevision(editor, id, { text: `${seed}\n\nAn added line says 3 ships sailed.` });
    const after = await getArticle(editor, id);
    assert.deepEqual([after.status, after.verification.overrideReason], ['in_review', null]);
    assert.equal(await statusOf(exportArticle(editor, id, 'verified-html')), 409);
  });
});
