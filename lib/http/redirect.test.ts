// Issue 8, finding 6: `/signin?callbackUrl=%2F%5Cevil.test` sent people to http://evil.test/ after
// signing in. Every target must resolve, the way the browser resolves it, to our own origin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { sameOriginTarget } from './redirect';

const ORIGIN = 'http://localhost:3000';
const HOME = 'http://localhost:3000/';

test('the reported bypass and its relatives go home', () => {
  for (const raw of ['/\\evil.test', '\\\\evil.test', '//evil.test', '/\t/evil.test', ' //evil.test', '\\/evil.test', 'https://evil.test/articles', 'http://localhost:3000@evil.test/', 'http://localhost:3001/', 'javascript:alert(1)', 'data:text/html,x', '', null, undefined]) {
    assert.equal(sameOriginTarget(raw, ORIGIN), HOME, JSON.stringify(raw));
  }
});

test('same-origin paths keep their path, query and fragment', () => {
  assert.equal(sameOriginTarget('/articles/abc?tab=history#claim-3', ORIGIN), 'http://localhost:3000/articles/abc?tab=history#claim-3');
  assert.equal(sameOriginTarget('http://localhost:3000/admin/users', ORIGIN), 'http://localhost:3000/admin/users');
  assert.equal(sameOriginTarget('articles/new', ORIGIN), 'http://localhost:3000/articles/new');
});

test('whatever the callbackUrl, the browser lands on our origin', () => {
  const pieces = fc.constantFrom('/', '\\', '//', '\\\\', 'evil.test', '@', ':', 'http:', 'https:', '%2F', '%5C', '\t', ' ', '.', '..', '?', '#', 'javascript:', 'localhost:3000');
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.array(pieces, { maxLength: 8 }).map((p) => p.join(''))), (raw) => {
      const target = new URL(sameOriginTarget(raw, ORIGIN));
      // What window.location.assign would do with it: resolved against the current page.
      return new URL(target.href, `${ORIGIN}/signin`).origin === ORIGIN;
    }),
    { numRuns: 2000 },
  );
});
