// The editable verdict scale (decision 032) on a real database (SQLite or PostgreSQL, per
// DATABASE_URL): who may read and edit it, a rename that relabels old verdicts everywhere they are
// published, retire/delete rules, a stale edit refused with 409, and history for each change.
// The scale is shared by every test in the run: `after` puts the default names and values back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../api/errors';
import type { Actor, Role } from '../auth/permissions';
import { historyCsv } from '../history/export';
import { DEFAULT_SCALE_ENTRIES } from '../verdicts/scale';
import { createArticle, getArticle } from './articles';
import { articleBody, articleEtag } from './article-read';
import { approveVerdict, recordVerdict } from './claims';
import { db } from './client';
import { exportArticle } from './exports';
import { claimOrdinals, listHistory } from './history';
import { deskDashboard } from './queue';
import { statusOf } from './testing';
import { createUserAsOperator } from './users';
import { getVerdictScale, updateVerdictScale, type VerdictScaleDto } from './verdict-scale';

const seed = readFileSync(new URL('../claims/fixtures/seed-article.txt', import.meta.url), 'utf8');
const actors = {} as Record<Role, Actor>;
const ROLES = ['admin', 'editor', 'reviewer'] as const;

before(async () => {
  for (const role of ROLES) {
    const u = await createUserAsOperator({ email: `scale-${role}@example.com`, name: `Scale ${role}`, password: 'correct horse battery staple', role });
    actors[role] = { id: u.id, email: u.email, name: u.name, role };
  }
});

after(async () => {
  // Later itests read the default names and values: put them back, retiring what verdicts still use.
  const now = await getVerdictScale(actors.admin);
  const defaults = DEFAULT_SCALE_ENTRIES.map((e) => ({ ...e }));
  const extras = now.entries.filter((e) => !defaults.some((d) => d.key === e.key) && (now.usage[e.key] ?? 0) > 0).map((e) => ({ ...e, retired: true }));
  await updateVerdictScale(actors.admin, { version: now.version, entries: [...defaults, ...extras] });
});

const asInput = (s: VerdictScaleDto) => s.entries.map(({ key, name, ratingValue, colour, icon, retired }) => ({ key, name, ratingValue, colour, icon, retired }));
async function edit(actor: Actor, change: (entries: ReturnType<typeof asInput>) => ReturnType<typeof asInput> | Array<Record<string, unknown>>) {
  const s = await getVerdictScale(actors.admin);
  return updateVerdictScale(actor, { version: s.version, entries: change(asInput(s)) });
}
async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try { await p; } catch (e) { if (e instanceof AppError) return e; throw e; }
  assert.fail('expected a refusal');
}
const scaleEvents = () => db().event.count({ where: { targetType: 'verdict-scale' } });

/** A claim rated (and approved, so it is published) with `rating`. */
async function ratedClaim(title: string, rating: string) {
  const id = (await createArticle(actors.editor, { title, byline: 'Wire', text: seed })).id;
  const c = (await getArticle(actors.reviewer, id)).claims[0]!;
  const saved = await recordVerdict(actors.reviewer, c.id, { rating, explanation: 'Checked against the record.', version: c.version });
  await approveVerdict(actors.editor, c.id, { version: saved.version });
  return { articleId: id, claimId: c.id };
}

describe('the verdict scale', () => {
  test('everyone signed in reads it; only admins edit it (editor and reviewer 403, nobody 401)', async () => {
    for (const role of ROLES) assert.equal(await statusOf(getVerdictScale(actors[role])), 200, `${role} reads`);
    assert.equal(await statusOf(getVerdictScale(null)), 401);
    for (const role of ['editor', 'reviewer'] as const) assert.equal(await statusOf(edit(actors[role], (e) => e)), 403, `${role} edits`);
    assert.equal(await statusOf(edit(null as unknown as Actor, (e) => e)), 401);
    assert.equal(await statusOf(edit(actors.admin, (e) => e)), 200);
  });

  test('usage counts go to admins only: they include blind ratings, which a reviewer could diff (decision 031)', async () => {
    await ratedClaim('Usage', 'Mixed');
    assert.ok(((await getVerdictScale(actors.admin)).usage['Mixed'] ?? 0) >= 1, 'admins see what is in use');
    for (const role of ['editor', 'reviewer'] as const) assert.deepEqual((await getVerdictScale(actors[role])).usage, {}, `${role} gets no counts`);
  });

  test('a name equal to another rating\'s key is a 422 naming the field (review fix)', async () => {
    await edit(actors.admin, (e) => e.map((x) => (x.key === 'True' ? { ...x, name: 'Accurate' } : x)));
    const e = await errorOf(edit(actors.admin, (list) => list.map((x) => (x.key === 'Mostly true' ? { ...x, name: 'True' } : x))));
    assert.equal(e.status, 422);
    assert.match(e.fields?.['entries.1.name'] ?? JSON.stringify(e.fields), /is the key of rating 1 \(“Accurate”\)/);
    await edit(actors.admin, (list) => list.map((x) => (x.key === 'True' ? { ...x, name: 'True' } : x)));
  });

  test('the migration seeded the default six with the rating strings as keys', async () => {
    const s = await getVerdictScale(actors.reviewer);
    assert.deepEqual(s.entries.map((e) => [e.key, e.name, e.ratingValue]), DEFAULT_SCALE_ENTRIES.map((e) => [e.key, e.name, e.ratingValue]));
    assert.deepEqual([s.bestRating, s.worstRating], [5, 1]);
  });

  test('a rename and a new ratingValue relabel an old verdict on the screen, in every export, the history and the dashboard', async () => {
    const { articleId, claimId } = await ratedClaim('Rename', 'Mostly true');
    // The API's read cache and ETag (decision 028) hold the article as it was named before.
    const tagBefore = await articleEtag(actors.reviewer, articleId);
    await articleBody(actors.reviewer, articleId, tagBefore);
    const events = await scaleEvents();
    await edit(actors.admin, (entries) => entries.map((e) => (e.key === 'Mostly true' ? { ...e, name: 'Largely accurate', ratingValue: 7, colour: '#0b5394' } : e)));
    assert.equal(await scaleEvents(), events + 1, 'one history event for the one changed entry');
    const ev = await db().event.findFirstOrThrow({ where: { targetType: 'verdict-scale' }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
    assert.deepEqual([ev.type, ev.actorId, JSON.parse(ev.before!), JSON.parse(ev.after!)], [
      'verdict-scale.entry-changed', actors.admin.id, { name: 'Mostly true', ratingValue: 4, colour: '#3d6b12' }, { name: 'Largely accurate', ratingValue: 7, colour: '#0b5394' },
    ]);

    assert.equal((await db().verdict.findFirstOrThrow({ where: { claimId } })).rating, 'Mostly true', 'the stored key is unchanged');
    const tagAfter = await articleEtag(actors.reviewer, articleId);
    assert.notEqual(tagAfter.etag, tagBefore.etag, 'a scale edit changes every article’s ETag');
    const cached = JSON.parse(await articleBody(actors.reviewer, articleId, tagAfter)) as { claims: Array<{ id: string; publicState: { label: string } }> };
    assert.equal(cached.claims.find((c) => c.id === claimId)!.publicState.label, 'Largely accurate', 'the API read cache serves the new name');
    const shown = (await getArticle(actors.reviewer, articleId)).claims.find((c) => c.id === claimId)!;
    assert.deepEqual([shown.publicState.label, shown.publicState.ratingValue, shown.publicState.tone?.line], ['Largely accurate', 7, '#0b5394']);

    const [review] = JSON.parse((await exportArticle(actors.editor, articleId, 'jsonld')).body) as Array<{ reviewRating: Record<string, unknown> }>;
    assert.deepEqual(review!.reviewRating, { '@type': 'Rating', ratingValue: 7, bestRating: 7, worstRating: 1, alternateName: 'Largely accurate' });
    const html = (await exportArticle(actors.editor, articleId, 'html')).body;
    assert.match(html, /data-verdict="Largely accurate"/);
    assert.match(html, /border-color:#0b5394/);
    assert.match((await exportArticle(actors.editor, articleId, 'csv')).body, /,Largely accurate,/);

    const history = await listHistory(actors.reviewer, articleId);
    const recorded = history.find((e) => e.type === 'verdict.recorded')!;
    assert.equal((recorded.after as { ratingName: string }).ratingName, 'Largely accurate');
    assert.match(historyCsv(history, await claimOrdinals(actors.reviewer, articleId)), /Largely accurate/);

    const dash = await deskDashboard(actors.editor);
    assert.ok(dash.verdicts.some((v) => v.rating === 'Largely accurate' && v.count >= 1), 'the dashboard counts it under its new name');
    assert.ok(!dash.verdicts.some((v) => v.rating === 'Mostly true'));

    // A reviewer may send the new name (what they read) and the verdict stores the same key.
    const c2 = (await getArticle(actors.reviewer, articleId)).claims[1]!;
    await recordVerdict(actors.reviewer, c2.id, { rating: 'largely accurate', explanation: 'Close enough.', version: c2.version });
    assert.equal((await db().verdict.findFirstOrThrow({ where: { claimId: c2.id } })).rating, 'Mostly true');
  });

  test('an entry in use cannot be deleted, only retired; a retired one labels old verdicts and is refused for new ones', async () => {
    await edit(actors.admin, (entries) => [...entries, { name: 'Satire', ratingValue: null, colour: '#5b2c6f', icon: 'star', retired: false }]);
    const satire = (await getVerdictScale(actors.admin)).entries.find((e) => e.name === 'Satire')!;
    assert.equal(satire.key, 'satire');
    const { articleId, claimId } = await ratedClaim('Satire', 'Satire');

    const before = await scaleEvents();
    const refused = await errorOf(edit(actors.admin, (entries) => entries.filter((e) => e.key !== 'satire')));
    assert.equal(refused.status, 409);
    assert.match(refused.message, /“Satire” is the rating of 1 verdict and cannot be deleted\. Retire it instead/);
    assert.equal(await scaleEvents(), before, 'a refused edit records nothing');
    assert.ok((await getVerdictScale(actors.admin)).entries.some((e) => e.key === 'satire'));

    await edit(actors.admin, (entries) => entries.map((e) => (e.key === 'satire' ? { ...e, retired: true } : e)));
    const shown = (await getArticle(actors.reviewer, articleId)).claims.find((c) => c.id === claimId)!;
    assert.deepEqual([shown.publicState.kind, shown.publicState.label, shown.publicState.symbol], ['rated', 'Satire', '★']);
    const [review] = JSON.parse((await exportArticle(actors.editor, articleId, 'jsonld')).body) as Array<{ reviewRating: Record<string, unknown> }>;
    assert.equal(review!.reviewRating.alternateName, 'Satire');

    const c2 = (await getArticle(actors.reviewer, articleId)).claims[1]!;
    const retired = await errorOf(recordVerdict(actors.reviewer, c2.id, { rating: 'satire', explanation: 'x', version: c2.version }));
    assert.equal(retired.status, 422);
    assert.match(retired.fields!.rating!, /“Satire” is retired and no longer given\. Choose a rating: /);
    const unknown = await errorOf(recordVerdict(actors.reviewer, c2.id, { rating: 'Pants on fire', explanation: 'x', version: c2.version }));
    assert.equal(unknown.status, 422);

    // Unused: deleted outright, with a history event.
    await edit(actors.admin, (entries) => [...entries, { name: 'Unused', ratingValue: 0, colour: '#333333', icon: 'dot', retired: false }]);
    const n = await scaleEvents();
    await edit(actors.admin, (entries) => entries.filter((e) => e.name !== 'Unused'));
    assert.ok(!(await getVerdictScale(actors.admin)).entries.some((e) => e.name === 'Unused'));
    assert.equal(await db().event.count({ where: { targetType: 'verdict-scale', type: 'verdict-scale.entry-deleted' } }), 1);
    assert.equal(await scaleEvents(), n + 1);
  });

  test('an edit made on a stale version is refused with 409 and the scale as it is now; nothing changes', async () => {
    const seen = await getVerdictScale(actors.admin);
    await updateVerdictScale(actors.admin, { version: seen.version, entries: asInput(seen).map((e) => (e.key === 'False' ? { ...e, icon: 'exclamation' as const } : e)) });
    const before = await scaleEvents();
    const stale = await errorOf(updateVerdictScale(actors.admin, { version: seen.version, entries: asInput(seen).map((e) => (e.key === 'False' ? { ...e, name: 'Wrong' } : e)) }));
    assert.equal(stale.status, 409);
    assert.match(stale.message, /Someone else changed the verdict scale/);
    const current = stale.details!.current as VerdictScaleDto;
    assert.equal(current.version, seen.version + 1);
    assert.equal(current.entries.find((e) => e.key === 'False')!.icon, 'exclamation', 'the colleague’s change is sent back');
    assert.equal((await getVerdictScale(actors.admin)).entries.find((e) => e.key === 'False')!.name, 'False');
    assert.equal(await scaleEvents(), before);
  });

  test('bad input is a 422 naming the field', async () => {
    const bad = await errorOf(edit(actors.admin, (entries) => entries.map((e, i) => (i === 0 ? { ...e, colour: '#ffffcc' } : e))));
    assert.equal(bad.status, 422);
    assert.match(bad.fields!['entries.0.colour']!, /too light to read on white/);
  });
});
