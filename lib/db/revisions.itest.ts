// A new draft moves hundreds of kept claims in batched UPDATEs (more than one batch here): every
// kept claim must end up on the new revision at its own words, numbered top to bottom, with its
// context and updatedAt as Prisma itself would write them, on both engines.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Actor } from '../auth/permissions';
import { makeArticle } from '../../scripts/make-article';
import { createArticle, CONTEXT_CHARS, getArticle } from './articles';
import { db } from './client';
import { loadRevision } from './revisions';
import { createUserAsOperator } from './users';

let editor: Actor;

before(async () => {
  const u = await createUserAsOperator({ email: `revisions-editor-${Date.now()}@example.com`, password: 'correct horse battery staple', role: 'editor' });
  editor = { id: u.id, email: u.email, name: '', role: 'editor' };
});

test('a draft that shifts every claim moves each one to its words in the new text, in batches', async () => {
  const oldText = makeArticle(8_000);
  const { id, claims } = await createArticle(editor, { title: 'Batched moves', text: oldText });
  assert.ok(claims.length > 250, `needs more than one batch of 200, got ${claims.length}`);
  const paragraphs = oldText.split('\n\n');
  // A new first paragraph shifts every offset; the third paragraph goes (its claims are removed).
  const gone = paragraphs[2]!;
  const newText = ['The mayor spoke for 40 minutes on Monday.', ...paragraphs.slice(0, 2), ...paragraphs.slice(3)].join('\n\n');
  const startedAt = Date.now();
  const result = await loadRevision(editor, id, { text: newText, basedOn: 1 });
  assert.ok(result.kept > 200, JSON.stringify({ ...result, changes: undefined }));
  assert.ok(result.removed >= 1);

  const rows = await db().claim.findMany({
    where: { articleId: id },
    select: { id: true, revisionId: true, ordinal: true, start: true, end: true, quote: true, contextBefore: true, contextAfter: true, archivedAt: true, version: true, updatedAt: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const moved = result.changes.filter((c) => c.change === 'kept' || c.change === 'moved');
  for (const c of moved) {
    const r = byId.get(c.id)!;
    assert.equal(r.revisionId, result.revision.id, 'on the new revision');
    assert.equal(newText.slice(r.start, r.end), r.quote, `claim ${c.ordinal} points at its words`);
    assert.equal(r.ordinal, c.ordinal);
    assert.equal(r.contextBefore, newText.slice(Math.max(0, r.start - CONTEXT_CHARS), r.start));
    assert.equal(r.contextAfter, newText.slice(r.end, r.end + CONTEXT_CHARS));
    assert.equal(r.version, 1, 'a kept claim keeps its version: an open dialog on it still saves');
    assert.ok(r.updatedAt.getTime() >= startedAt - 1000 && r.updatedAt.getTime() <= Date.now() + 1000, `updatedAt ${r.updatedAt.toISOString()}`);
  }
  for (const c of result.changes.filter((x) => x.change === 'removed')) {
    const r = byId.get(c.id)!;
    assert.ok(r.archivedAt && r.version === 2, 'a removed claim is archived and its version bumped');
    assert.ok(gone.includes(r.quote));
  }
  // What a reader sees: claims numbered 1..n top to bottom, each at its words.
  const article = await getArticle(editor, id);
  assert.deepEqual(article.claims.map((c) => c.ordinal), article.claims.map((_, i) => i + 1));
  assert.ok(article.claims.every((c, i) => i === 0 || c.start >= article.claims[i - 1]!.start));
  assert.ok(article.claims.every((c) => article.text.slice(c.start, c.end) === c.quote));
});
