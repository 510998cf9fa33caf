// Issue 8: every write route over real HTTP, fed random JSON (NUL bytes and unpaired surrogates as
// JSON escapes, huge and fractional numbers, nested junk, invalid JSON, odd ids in the path). The
// server must answer 2xx or 4xx with a message, never 500, and a 4xx must leave every table of the
// app's database as it was. Bounded in time (FUZZ_SECONDS, default 15 s); the data-layer twin on both
// engines is lib/db/fuzz-writes.itest.ts.
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { ACCOUNTS, signIn } from './helpers';

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 15);

// The same counts as lib/db/testing.ts rowCounts(), read from the server's SQLite file.
const COUNTS = `SELECT
  (SELECT count(*) FROM "User") AS "user", (SELECT count(*) FROM "Article") AS "article",
  (SELECT count(*) FROM "Revision") AS "revision", (SELECT count(*) FROM "Claim") AS "claim",
  (SELECT coalesce(sum("version"), 0) FROM "Claim") AS "claimVersions", (SELECT count(*) FROM "Verdict") AS "verdict",
  (SELECT count(*) FROM "Source") AS "source", (SELECT count(*) FROM "Source" WHERE "removedAt" IS NOT NULL) AS "sourceRemoved",
  (SELECT count(*) FROM "Relation") AS "relation", (SELECT count(*) FROM "Relation" WHERE "status" = 'confirmed') AS "relationConfirmed",
  (SELECT count(*) FROM "Relation" WHERE "status" = 'dismissed') AS "relationDismissed",
  (SELECT count(*) FROM "Event") AS "event", (SELECT count(*) FROM "ArchiveClaimFts") AS "archive"`;

const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', 'javascript:alert(1)', 'https://example.org/\u0000', 'x'.repeat(6000)),
  fc.string({ maxLength: 20 }),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53 + 2, 1e308, -1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  nastyString, nastyNumber, fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);
const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 3, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) });
const text = fc.string({ maxLength: 30 });

/** What goes over the wire: mostly JSON (escapes carry NUL and lone surrogates), sometimes not JSON. */
const wire = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.record(shape).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: junk.map((v) => JSON.stringify(v ?? null)) },
    { weight: 1, arbitrary: fc.constantFrom('{"title": ', '{"version": 1e999}', '[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, '\u0000', 'null', '"\\ud800"') },
  );

test('random JSON to every write route: 2xx or 4xx with a message, never 500, and a 4xx writes nothing', async ({ page }) => {
  test.setTimeout((SECONDS + 60) * 1000);
  await signIn(page, ACCOUNTS.admin);
  const created = await page.request.post('/api/articles', {
    data: { title: 'Fuzz target', text: 'The council raised fares by 12 percent in March.\n\nThe council raised fares by 12 percent in March, it said.\n\nRidership fell to 41 million trips.' },
  });
  expect(created.status()).toBe(201);
  const { id: articleId, claims } = (await created.json()) as { id: string; claims: Array<{ id: string }> };
  const source = await page.request.post(`/api/claims/${claims[0]!.id}/sources`, { data: { url: 'https://example.org/fares', title: 'Fare table', stance: 'supports', version: 1 } });
  expect(source.status()).toBe(201);
  const verdict = await page.request.post(`/api/claims/${claims[1]!.id}/verdict`, { data: { rating: 'True', explanation: 'Matches the table.', version: 1 } });
  expect(verdict.status()).toBe(201);

  const sqlite = new Database(join(process.env.E2E_DATA_DIR!, 'e2e.db'), { readonly: true });
  const counts = () => sqlite.prepare(COUNTS).get();
  /** Real ids, current versions and state, read fresh so valid requests can succeed. */
  const current = async () => {
    const a = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as {
      claims: Array<{ id: string; version: number; sources: Array<{ id: string }> }>;
      relations: Array<{ id: string; version: number }>;
    };
    return a;
  };
  // Ids as a client could put them in a path: real ones, or any well-formed text (with NUL) encoded.
  // Not "", "." or "..": the URL would then name another route (Next's own 404 page, not our API).
  const oddId = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('\u0000', 'a\u0000', '%', '😀')).filter((s) => s !== '.' && s !== '..');
  const pathId = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 3 }) }, { weight: 1, arbitrary: oddId });
  const version = fc.oneof({ weight: 3, arbitrary: fc.constant('current') }, { weight: 2, arbitrary: nastyNumber });
  const routes = fc.oneof(
    fc.record({ kind: fc.constant('article' as const), body: wire({ title: field(text), byline: field(text), text: field(fc.constantFrom('Fares rose 5 percent in 2024.', '<p>Fares rose 5 percent.</p>')), format: field(fc.constantFrom('text', 'markdown', 'html')) }) }),
    fc.record({ kind: fc.constant('extract' as const), body: wire({ text: field(fc.constantFrom('Fares rose 5 percent in 2024.', 'x')), all: field(fc.boolean()) }) }),
    fc.record({ kind: fc.constant('source' as const), claim: pathId, body: wire({ url: field(fc.webUrl()), title: field(text), publisher: field(text), quote: field(text), stance: field(fc.constantFrom('supports', 'refutes', 'context')) }) }),
    fc.record({ kind: fc.constantFrom('verdict' as const, 'dismiss' as const), claim: pathId, version, body: wire({ rating: field(fc.constantFrom('True', 'False', 'Mixed')), explanation: field(text), correction: field(text), reason: field(text) }) }),
    fc.record({ kind: fc.constant('reuse' as const), claim: pathId, from: pathId, version }),
    fc.record({ kind: fc.constant('unsource' as const), claim: pathId, source: pathId }),
    fc.record({ kind: fc.constant('relation' as const), a: pathId, b: pathId, body: wire({ type: field(fc.constantFrom('contradicts', 'duplicates', 'supports')), note: field(text) }) }),
    fc.record({ kind: fc.constantFrom('confirm' as const, 'undo' as const), relation: pathId }),
    fc.record({ kind: fc.constant('user' as const), body: wire({ email: field(fc.oneof(fc.emailAddress(), fc.nat().map((n) => `fuzz${n}@example.org`))), password: field(fc.constantFrom('correct horse battery', 'short')), role: field(fc.constantFrom('admin', 'editor', 'reviewer')), name: field(text) }) }),
    fc.record({ kind: fc.constant('setup' as const), body: wire({ email: field(fc.emailAddress()), password: field(text) }) }),
  );

  const seen: Record<string, number> = {};
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(routes, async (r) => {
      runs++;
      const a = await current();
      const claimOf = (ref: number | string) => (typeof ref === 'number' ? a.claims[ref % a.claims.length]! : undefined);
      const idOf = (ref: number | string) => encodeURIComponent(typeof ref === 'number' ? claimOf(ref)!.id : ref);
      const versionOf = (ref: number | string, v: unknown) => (v === 'current' ? (claimOf(ref)?.version ?? 1) : v);
      /** Puts the resolved version into a JSON body that is an object; anything else goes as sent. */
      const withFields = (body: string, extra: Record<string, unknown>) => {
        try {
          const parsed = JSON.parse(body) as unknown;
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return JSON.stringify({ ...parsed, ...extra });
        } catch {
          /* not JSON: sent as it is, which is the point */
        }
        return body;
      };
      let method = 'POST';
      let path = '';
      let data = '';
      switch (r.kind) {
        case 'article': path = '/api/articles'; data = r.body; break;
        case 'extract': path = '/api/extract'; data = r.body; break;
        case 'source': path = `/api/claims/${idOf(r.claim)}/sources`; data = withFields(r.body, { version: versionOf(r.claim, 'current') }); break;
        case 'verdict': case 'dismiss':
          path = `/api/claims/${idOf(r.claim)}/${r.kind}`; data = withFields(r.body, { version: versionOf(r.claim, r.version) }); break;
        case 'reuse':
          path = `/api/claims/${idOf(r.claim)}/reuse`;
          data = JSON.stringify({ from: typeof r.from === 'number' ? claimOf(r.from)!.id : r.from, version: versionOf(r.claim, r.version) }); break;
        case 'unsource': {
          method = 'DELETE';
          const sources = claimOf(typeof r.claim === 'number' ? r.claim : 0)!.sources;
          const sid = typeof r.source === 'number' ? (sources[r.source % Math.max(1, sources.length)]?.id ?? 'none') : r.source;
          path = `/api/claims/${idOf(r.claim)}/sources/${encodeURIComponent(sid)}`;
          data = JSON.stringify({ version: versionOf(r.claim, 'current') }); break;
        }
        case 'relation':
          path = '/api/relations';
          data = withFields(r.body, { a: typeof r.a === 'number' ? claimOf(r.a)!.id : r.a, b: typeof r.b === 'number' ? claimOf(r.b)!.id : r.b }); break;
        case 'confirm': case 'undo': {
          const rel = typeof r.relation === 'number' ? a.relations[r.relation % Math.max(1, a.relations.length)] : undefined;
          const rid = typeof r.relation === 'number' ? (rel?.id ?? 'none') : r.relation;
          path = `/api/relations/${encodeURIComponent(rid)}/${r.kind === 'confirm' ? 'confirm' : 'dismiss'}`;
          data = JSON.stringify({ version: rel?.version ?? 1 }); break;
        }
        case 'user': path = '/api/users'; data = r.body; break;
        case 'setup': path = '/api/setup'; data = r.body; break;
      }
      const before = counts();
      // A Buffer, because Playwright re-encodes a JSON content-type string body that does not parse.
      const res = await page.request.fetch(path, { method, headers: { 'content-type': 'application/json' }, data: data ? Buffer.from(data, 'utf8') : undefined });
      const status = res.status();
      seen[`${r.kind} ${status}`] = (seen[`${r.kind} ${status}`] ?? 0) + 1;
      expect(status, `${method} ${path} ${data.slice(0, 200)}`).toBeLessThan(500);
      if (status >= 400) {
        const error = ((await res.json()) as { error?: { message?: string } }).error;
        expect(error?.message?.length ?? 0, `${method} ${path}: a message a person can act on`).toBeGreaterThan(10);
        expect(counts(), `${method} ${path} answered ${status} but wrote`).toEqual(before);
      }
    }),
    { numRuns: 100_000, interruptAfterTimeLimit: SECONDS * 1000 },
  );
  sqlite.close();
  test.info().annotations.push({ type: 'fuzz', description: `${runs} requests: ${JSON.stringify(seen)}` });
  console.log(`fuzz-writes: ${runs} requests in ${SECONDS} s; statuses ${JSON.stringify(seen)}`);
  expect(runs).toBeGreaterThan(20);
});
