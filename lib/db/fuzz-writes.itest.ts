// Issue 8: a fuzz test of every data-layer write with random JSON-shaped input (NUL bytes, unpaired
// surrogates, huge and fractional numbers, nested junk, missing and extra fields, bad ids). Every call
// must either succeed or be refused with a 4xx AppError, and a refusal must leave every table as it
// was. Runs on SQLite and PostgreSQL (scripts/test.mjs runs each itest once per engine).
import assert from 'node:assert/strict';
import { afterEach, before, beforeEach, test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../api/errors';
import type { Actor } from '../auth/permissions';
import { createArticle, getArticle } from './articles';
import { attachSource, dismissClaim, recordVerdict, removeSource, reuseReview } from './claims';
import { addRelation, setRelationStatus } from './relations';
import { assignClaim } from './assignments';
import { addComment, listComments, resolveComment } from './comments';
import { rowCounts, claimVersion, relationVersion } from './testing';
import { createUserAsOperator } from './users';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
let editor: Actor;
let reviewer: Actor;
let articleId = '';

const TEXT = [
  'Water rates',
  '',
  'The utility raised water rates by 9 percent in January, its largest rise since 2019.',
  '',
  'The utility raised water rates by 9 percent in January, the board said.',
  '',
  'About 310,000 households pay the rate, according to the city.',
].join('\n');

before(async () => {
  const e = await createUserAsOperator({ email: 'fuzz-editor@example.com', password: 'correct horse battery', role: 'editor' });
  const r = await createUserAsOperator({ email: 'fuzz-reviewer@example.com', password: 'correct horse battery', role: 'reviewer' });
  editor = { id: e.id, email: e.email, name: '', role: 'editor' };
  reviewer = { id: r.id, email: r.email, name: '', role: 'reviewer' };
  const created = await createArticle(editor, { title: 'Water', text: TEXT });
  articleId = created.id;
  const [c1, c2] = created.claims;
  await attachSource(reviewer, c1!.id, { url: 'https://example.org/rates', title: 'Rate table', stance: 'supports', version: await claimVersion(c1!.id) });
  await recordVerdict(reviewer, c2!.id, { rating: 'True', explanation: 'Matches the rate table.', version: c2!.version });
});

beforeEach((t) => {
  property = t.name;
});

afterEach((t) => {
  const seen = outcomes.get(property);
  if (seen && 'diagnostic' in t) t.diagnostic(`${seen.ok} successes, ${seen.refused} refusals`);
});

function assertBothOutcomesSeen(): void {
  const seen = outcomes.get(property) ?? { ok: 0, refused: 0 };
  assert.ok(seen.ok > 0 && seen.refused > 0, `${seen.ok} successes and ${seen.refused} refusals: the generators must produce both`);
}

// ---- arbitraries: what a careless or hostile client could send ----

const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }), // any UTF-16 code units, unpaired surrogates included
  fc.constantFrom('', '   ', '\u0000', 'a\u0000b', '\uD800', 'x\uDFFF', '\uDBFF\uDBFF', 'javascript:alert(1)', 'https://example.org/\u0000', 'https://example.org/\uD83D', 'x'.repeat(6000)),
  fc.string({ maxLength: 20 }),
);
const nastyNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.array(nastyString, { maxLength: 3 }), { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);
/**
 * Mostly a plausible value, sometimes junk, sometimes left out (undefined is dropped by the JSON round
 * trip): with four or five fields per body, about a third of bodies are valid and most of the rest
 * have exactly one bad field, which is the case that must not half-write.
 */
const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: valid }, { weight: 2, arbitrary: junk }, { weight: 1, arbitrary: fc.constant(undefined) });
const body = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.record(shape), fc.dictionary(nastyString, junk, { maxKeys: 2 })).map(([known, extra]) => ({ ...extra, ...known })) },
    { weight: 1, arbitrary: junk },
  );
// Bodies arrive as JSON: the round trip drops undefined and turns -0 into 0, as a real request would.
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v ?? null)) as unknown;

/** A real claim id, its current version, or junk in their place (resolved when the property runs). */
const CURRENT = 'current-version';
const claimRef = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 2 }) }, { weight: 1, arbitrary: nastyString });
const version = fc.oneof({ weight: 3, arbitrary: fc.constant(CURRENT) }, { weight: 2, arbitrary: nastyNumber }, { weight: 1, arbitrary: junk });

async function current() {
  const a = await getArticle(reviewer, articleId);
  return { claims: a.claims, relations: a.relations };
}
const claimIdOf = (ref: number | string, claims: Array<{ id: string }>) => (typeof ref === 'number' ? claims[ref % claims.length]!.id : ref);
function withVersion(input: unknown, claim: { version: number } | undefined): unknown {
  if (input && typeof input === 'object' && !Array.isArray(input) && (input as { version?: unknown }).version === CURRENT) {
    return { ...input, version: claim?.version ?? 1 };
  }
  return input;
}

// Each property must see both outcomes, or it tested nothing; each starts with one example of each
// (fast-check runs `examples` first), so a refused valid example means the setup broke.
const outcomes = new Map<string, { ok: number; refused: number }>();
let property = '';

/** Runs one write; a success is fine, a refusal must be a 4xx AppError that wrote nothing. */
async function check(write: () => Promise<unknown>): Promise<void> {
  const start = await rowCounts();
  const seen = outcomes.get(property) ?? { ok: 0, refused: 0 };
  outcomes.set(property, seen);
  try {
    await write();
    seen.ok++;
  } catch (e) {
    seen.refused++;
    if (!(e instanceof AppError)) throw new Error(`unexpected ${(e as Error)?.name}: ${(e as Error)?.message}`);
    assert.ok(e.status >= 400 && e.status < 500, `status ${e.status}: ${e.message}`);
    assert.ok(e.message.length > 10, 'the refusal says what to do');
    assert.deepEqual(await rowCounts(), start, `a ${e.status} (${e.message}) wrote something`);
  }
}

const url = fc.oneof(fc.webUrl(), fc.constant('https://example.org/a'));
const text = fc.string({ maxLength: 30 });

test('createArticle: any body is a success or a 4xx that writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      body({ title: field(text), byline: field(text), text: field(fc.constantFrom(TEXT, 'Fares rose 5 percent in 2024.', '<p>Fares rose 5 percent.</p>')), format: field(fc.constantFrom('text', 'markdown', 'html')) }),
      async (input) => check(() => createArticle(editor, asJson(input))),
    ),
    { numRuns: RUNS, examples: [[{ title: 'Fares', text: 'Fares rose 5 percent in 2024.' }], [{ title: 'Fares\u0000', text: 'Fares rose 5 percent in 2024.' }]] },
  );
  assertBothOutcomesSeen();
});

test('attachSource: any claim id and body is a success or a 4xx that writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      claimRef,
      body({ url: field(url), title: field(text), publisher: field(text), quote: field(text), stance: field(fc.constantFrom('supports', 'refutes', 'context')) }),
      async (ref, input) => {
        const { claims } = await current();
        const json = asJson(input);
        // Object bodies carry the claim's current version (sources are versioned writes); others stay as they are.
        const id = claimIdOf(ref, claims);
        const versioned = json && typeof json === 'object' && !Array.isArray(json) ? { ...json, version: await claimVersion(id) } : json;
        await check(() => attachSource(reviewer, id, versioned));
      },
    ),
    { numRuns: RUNS, examples: [[0, { url: 'https://example.org/a', title: 'Fare table', stance: 'supports' }], [0, { url: 'https://example.org/\u0000', title: 'Fare table', stance: 'supports' }]] },
  );
  assertBothOutcomesSeen();
});

test('recordVerdict and dismissClaim: any claim id, body and version is a success or a 4xx that writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      claimRef,
      fc.boolean(),
      body({ rating: field(fc.constantFrom('True', 'False', 'Mixed')), explanation: field(text), correction: field(text), reason: field(text), version }),
      async (ref, dismiss, input) => {
        const { claims } = await current();
        const id = claimIdOf(ref, claims);
        const json = withVersion(asJson(input), claims.find((c) => c.id === id));
        await check(() => (dismiss ? dismissClaim(reviewer, id, json) : recordVerdict(reviewer, id, json)));
      },
    ),
    { numRuns: RUNS, examples: [[0, false, { rating: 'False', explanation: 'Wrong.', version: CURRENT }], [0, true, { reason: 'Opinion \uD800', version: CURRENT }]] },
  );
  assertBothOutcomesSeen();
});

test('reuseReview: any claim ids and version is a success or a 4xx that writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(claimRef, claimRef, version, fc.boolean(), async (to, from, v, wrap) => {
      const { claims } = await current();
      const id = claimIdOf(to, claims);
      const input = withVersion({ from: claimIdOf(from, claims), version: v }, claims.find((c) => c.id === id));
      await check(() => reuseReview(reviewer, id, wrap ? input : asJson(input)));
    }),
    { numRuns: RUNS, examples: [[0, 1, CURRENT, false], [0, 1, 2 ** 31, false]] },
  );
  assertBothOutcomesSeen();
});

test('addRelation and setRelationStatus: any body or relation id is a success or a 4xx that writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      body({ a: field(claimRef), b: field(claimRef), type: field(fc.constantFrom('contradicts', 'duplicates', 'supports')), note: field(text) }),
      fc.oneof(fc.nat({ max: 3 }), nastyString),
      fc.constantFrom('confirmed' as const, 'dismissed' as const),
      async (input, relRef, status) => {
        const { claims, relations } = await current();
        const json = asJson(input);
        if (json && typeof json === 'object' && !Array.isArray(json)) {
          const o = json as Record<string, unknown>;
          for (const k of ['a', 'b']) if (typeof o[k] === 'number' && Number.isInteger(o[k]) && (o[k] as number) >= 0) o[k] = claimIdOf(o[k] as number, claims);
        }
        await check(() => addRelation(reviewer, json));
        const relationId = typeof relRef === 'number' ? (relations[relRef % Math.max(1, relations.length)]?.id ?? 'none') : relRef;
        const version = await relationVersion(relationId);
        await check(() => setRelationStatus(reviewer, relationId, status, { version }));
      },
    ),
    { numRuns: RUNS, examples: [[{ a: 0, b: 1, type: 'supports', note: 'Same rise.' }, 0, 'dismissed'], [{ a: 0, b: 1, type: 'supports', note: '\u0000' }, '\u0000', 'confirmed']] },
  );
  assertBothOutcomesSeen();
});

test('removeSource: any claim and source id is a success or a 4xx that writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(claimRef, fc.oneof(fc.nat({ max: 3 }), nastyString), async (ref, sourceRef) => {
      const { claims } = await current();
      const claim = claims[typeof ref === 'number' ? ref % claims.length : 0]!;
      const sourceId = typeof sourceRef === 'number' ? (claim.sources[sourceRef % Math.max(1, claim.sources.length)]?.id ?? 'none') : sourceRef;
      const version = await claimVersion(claimIdOf(ref, claims));
      await check(() => removeSource(reviewer, claimIdOf(ref, claims), sourceId, { version }));
    }),
    { numRuns: RUNS, examples: [[0, 0], [0, '\u0000']] },
  );
  assertBothOutcomesSeen();
});

test('assignClaim, addComment and resolveComment: any claim, body and version is a success or a 4xx that writes nothing', async () => {
  const REVIEWER = 'the-reviewer';
  await fc.assert(
    fc.asyncProperty(
      claimRef,
      fc.constantFrom('assign', 'comment', 'resolve'),
      body({
        reviewerId: field(fc.constantFrom(REVIEWER, 'no-such-account')), due: field(fc.constantFrom(null, '2026-12-01T10:00:00Z', 'tomorrow')),
        body: field(fc.oneof(text, fc.constant('@fuzz-reviewer@example.com please check'))), version,
      }),
      async (ref, action, input) => {
        const { claims } = await current();
        const id = claimIdOf(ref, claims);
        let json = asJson(input);
        if (json && typeof json === 'object' && (json as { reviewerId?: unknown }).reviewerId === REVIEWER) json = { ...json, reviewerId: reviewer.id };
        if (action === 'resolve') {
          // An unresolved comment of the claim when there is one, else a made-up id (a 404).
          const open = claims.some((c) => c.id === id) ? (await listComments(reviewer, id)).comments.find((c) => !c.resolvedAt) : undefined;
          json = withVersion(json, claims.find((c) => c.id === id));
          return check(() => resolveComment(reviewer, open?.id ?? id, json));
        }
        json = withVersion(json, claims.find((c) => c.id === id));
        if (action === 'assign') return check(() => assignClaim(editor, id, json));
        return check(() => addComment(reviewer, id, json));
      },
    ),
    {
      numRuns: RUNS,
      examples: [[0, 'assign', { reviewerId: REVIEWER, version: CURRENT }], [0, 'comment', { body: 'a\u0000b' }], [0, 'comment', { body: 'Source?' }], [0, 'resolve', { version: CURRENT }]],
    },
  );
  assertBothOutcomesSeen();
});
