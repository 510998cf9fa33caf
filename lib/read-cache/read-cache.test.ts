import assert from 'node:assert/strict';
import { test } from 'node:test';
import { etagFor, matchesIfNoneMatch } from './etag';
import { VersionedCache } from './versioned-cache';
import { viewerKey } from './viewer';

const newer = (a: string, b: string) => Number(a) > Number(b);

test('an entry is served only for the version it was stored under', () => {
  const c = new VersionedCache<string>(1000);
  c.set('a', '3', 'body at 3', 9, newer);
  assert.equal(c.get('a', '3'), 'body at 3');
  assert.equal(c.get('a', '4'), undefined, 'a write moved the version: miss, so the reader goes to the database');
  assert.equal(c.get('b', '3'), undefined);
});

test('a slow reader with an older version does not replace a newer entry', () => {
  const c = new VersionedCache<string>(1000);
  c.set('a', '5', 'body at 5', 9, newer);
  c.set('a', '4', 'body at 4', 9, newer);
  assert.equal(c.get('a', '5'), 'body at 5');
  c.set('a', '6', 'body at 6', 9, newer);
  assert.equal(c.get('a', '6'), 'body at 6');
  assert.equal(c.get('a', '5'), undefined);
});

test('the byte budget evicts the least recently read entries, and too-large values are not kept', () => {
  const c = new VersionedCache<string>(30);
  c.set('a', '1', 'a', 10, newer);
  c.set('b', '1', 'b', 10, newer);
  assert.equal(c.get('a', '1'), 'a'); // b is now the least recently read
  c.set('c', '1', 'c', 10, newer);
  c.set('d', '1', 'd', 10, newer);
  assert.equal(c.get('b', '1'), undefined);
  assert.equal(c.get('a', '1'), 'a');
  assert.equal(c.size, 3);
  c.set('huge', '1', 'x', 31, newer);
  assert.equal(c.get('huge', '1'), undefined);
});

test('ETags differ per viewer and per version, and If-None-Match compares them as RFC 9110 says', () => {
  const reviewer = viewerKey({ id: 'u1', role: 'reviewer' });
  const other = viewerKey({ id: 'u2', role: 'reviewer' });
  const editor = viewerKey({ id: 'u1', role: 'editor' });
  const tag = etagFor('article', 'a1', '7', reviewer, 'build');
  assert.notEqual(tag, etagFor('article', 'a1', '7', other, 'build'), 'another account never shares a tag');
  assert.notEqual(tag, etagFor('article', 'a1', '7', editor, 'build'), 'a role change gives a new tag');
  assert.notEqual(tag, etagFor('article', 'a1', '8', reviewer, 'build'));
  assert.notEqual(tag, etagFor('article', 'a1', '7', reviewer, 'next build'));
  assert.match(tag, /^"[\w-]+"$/);
  assert.ok(matchesIfNoneMatch(tag, tag));
  assert.ok(matchesIfNoneMatch(`"x", W/${tag}`, tag));
  assert.ok(matchesIfNoneMatch('*', tag));
  assert.ok(!matchesIfNoneMatch(null, tag));
  assert.ok(!matchesIfNoneMatch('"x"', tag));
});
