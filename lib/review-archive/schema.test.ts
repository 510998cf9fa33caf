import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../api/errors';
import {
  ARCHIVE_LIMITS, MAX_ARCHIVE_BYTES, buildReviewArchive, checkRatings, decodeArchiveBytes, parseReviewArchive, serializeReviewArchive,
  throwProblems, toImportRows, type ArchiveSnapshot, type ReviewArchive,
} from './schema';
import { DEFAULT_SCALE_ENTRIES } from '../verdicts/scale';

const TEXT = 'The council cut fares by 10 percent. Ridership rose 4 percent in a year.';
const T = (s: number) => new Date(Date.UTC(2026, 10, 25, 10, 0, s)).toISOString();

/** A small review as the data layer reads it: database ids everywhere. */
function snapshot(): ArchiveSnapshot {
  const claim = (id: string, ordinal: number, start: number, end: number) => ({
    id, revisionId: 'rev-db-1', ordinal, start, end, quote: TEXT.slice(start, end), text: TEXT.slice(start, end),
    contextBefore: TEXT.slice(0, start), contextAfter: TEXT.slice(end), type: 'statistic', score: 0.9, checkworthy: true,
    flags: '["hedged"]', entities: '[{"text":"council","kind":"organization","start":4,"end":11,"extra":"kept"}]', numbers: '[]',
    antecedent: null, status: 'reviewed', dismissReason: null, speaker: null, speakerType: null, stale: false,
    previousQuote: null, archivedAt: null, version: 2, approvedVerdictId: null, createdAt: T(0),
  });
  return {
    article: {
      id: 'art-db', title: 'Fares', byline: 'Desk', sourceFormat: 'text', status: 'in_review', publicUrl: null, verifiedAt: null,
      verifiedRevision: null, overrideReason: null, correctionsNote: null, approvalRequired: true, createdById: 'u-ed', createdAt: T(0),
    },
    users: [{ id: 'u-ed', email: 'ed@example.com', name: 'Ed' }, { id: 'u-rev', email: 'rev@example.com', name: '' }, { id: 'u-unused', email: 'x@example.com', name: '' }],
    revisions: [{ id: 'rev-db-1', number: 1, format: 'text', text: TEXT, createdById: 'u-ed', createdAt: T(0) }],
    // Given out of order: the document orders them.
    claims: [claim('claim-db-2', 2, 37, 72), claim('claim-db-1', 1, 0, 36)],
    verdicts: [{
      id: 'verdict-db', claimId: 'claim-db-1', rating: 'True', explanation: 'Board minutes.', correction: 'by 12 percent',
      correctionStatus: 'proposed', correctionDecidedAt: null, revisionNumber: 1, authorId: 'u-rev', approvedAt: null, createdAt: T(5),
    }],
    sources: [{
      id: 'source-db', claimId: 'claim-db-1', url: 'https://example.org/minutes', title: 'Minutes', publisher: '', quote: '',
      stance: 'supports', accessedAt: T(4), createdById: 'u-rev', createdAt: T(4), removedAt: T(6),
    }],
    relations: [{
      id: 'relation-db', aId: 'claim-db-1', bId: 'claim-db-2', type: 'supports', origin: 'manual', status: 'confirmed',
      reason: '', note: 'Same policy', createdById: 'u-rev', createdAt: T(7),
    }],
    comments: [{
      id: 'comment-db', claimId: 'claim-db-2', authorId: 'u-rev', body: '@Ed which year is this?', mentionIds: ['u-ed'],
      resolvedAt: T(8), resolvedById: 'u-ed', createdAt: T(7),
    }],
    events: [
      { id: 'e5', actorId: 'u-rev', type: 'comment.added', targetType: 'claim', targetId: 'claim-db-2', before: null, after: '{"commentId":"comment-db","body":"@Ed which year is this?"}', at: T(7) },
      { id: 'e2', actorId: 'u-ed', type: 'claims.extracted', targetType: 'article', targetId: 'art-db', before: null, after: '{"claims":2}', at: T(0) },
      { id: 'e1', actorId: 'u-ed', type: 'article.loaded', targetType: 'article', targetId: 'art-db', before: null, after: '{"title":"Fares"}', at: T(0) },
      { id: 'e3', actorId: 'u-rev', type: 'source.added', targetType: 'claim', targetId: 'claim-db-1', before: null, after: '{"sourceId":"source-db","url":"https://example.org/minutes"}', at: T(4) },
      {
        id: 'e4', actorId: 'u-rev', type: 'review.reused', targetType: 'claim', targetId: 'claim-db-1', before: '{"status":"open"}',
        after: '{"verdictId":"verdict-db","fromClaimId":"claim-in-another-article","fromArticleTitle":"Older story","fromClaimOrdinal":3}', at: T(5),
      },
    ],
  };
}

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  assert.fail('expected the archive to be refused');
}

const exported = () => buildReviewArchive(snapshot(), T(9));
const tamper = (change: (d: ReviewArchive) => void): string => {
  const d = structuredClone(exported());
  change(d);
  return JSON.stringify(d);
};

test('the builder names everything by archive keys; no database id is left in the document', () => {
  const doc = exported();
  const body = serializeReviewArchive(doc);
  for (const dbId of ['art-db', 'rev-db-1', 'claim-db-1', 'claim-db-2', 'verdict-db', 'source-db', 'relation-db', 'comment-db', 'u-ed', 'u-rev', 'claim-in-another-article']) {
    assert.ok(!body.includes(dbId), `${dbId} leaked into the archive`);
  }
  assert.deepEqual(doc.claims.map((c) => c.key), ['r1-c1', 'r1-c2']);
  assert.equal(doc.verdicts[0]!.claim, 'r1-c1');
  assert.equal(doc.relations[0]!.b, 'r1-c2');
  assert.deepEqual(doc.events.map((e) => e.type), ['article.loaded', 'claims.extracted', 'source.added', 'review.reused', 'comment.added'], 'same-time events ordered by id');
  // Comments travel with the review (decision 038), and the event that recorded one points at it.
  assert.deepEqual(doc.comments, [{
    key: 'cm1', claim: 'r1-c2', author: 'rev@example.com', body: '@Ed which year is this?', mentions: ['ed@example.com'],
    resolvedAt: T(8), resolvedBy: 'ed@example.com', createdAt: T(7),
  }]);
  assert.deepEqual(doc.events[4]!.after, { commentId: { $ref: 'cm1' }, body: '@Ed which year is this?' });
  assert.deepEqual(doc.events[2]!.target, { type: 'claim', key: 'r1-c1' });
  assert.deepEqual(doc.events[2]!.after, { sourceId: { $ref: 's1' }, url: 'https://example.org/minutes' });
  // A claim in another article means nothing elsewhere: dropped, the readable parts kept.
  assert.deepEqual(doc.events[3]!.after, { verdictId: { $ref: 'v1' }, fromClaimId: null, fromArticleTitle: 'Older story', fromClaimOrdinal: 3 });
  assert.deepEqual(doc.accounts, [{ email: 'ed@example.com', name: 'Ed' }, { email: 'rev@example.com', name: '' }], 'only accounts the review names');
  assert.equal(doc.claims[0]!.entities[0]!.extra, 'kept', 'stored JSON is kept whole');
  assert.deepEqual(Object.keys(JSON.parse(body) as object).slice(0, 3), ['format', 'version', 'exportedAt']);
});

test('an exported archive parses back to the same document', () => {
  const doc = exported();
  assert.deepEqual(parseReviewArchive(serializeReviewArchive(doc)), doc);
});

test('import rows get fresh ids in document order and every reference resolves to them', () => {
  let n = 0;
  const newId = () => `new-${String(++n).padStart(3, '0')}`;
  const rows = toImportRows(parseReviewArchive(serializeReviewArchive(exported())), newId, (email) => `acct:${email}`);
  const claimId = rows.claims[0]!.id;
  assert.equal(rows.verdicts[0]!.claimId, claimId);
  assert.equal(rows.sources[0]!.claimId, claimId);
  assert.equal(rows.relations[0]!.bId, rows.claims[1]!.id);
  assert.equal(rows.events[2]!.targetId, claimId);
  assert.deepEqual(JSON.parse(rows.events[2]!.after!), { sourceId: rows.sources[0]!.id, url: 'https://example.org/minutes' });
  assert.equal(rows.verdicts[0]!.authorId, 'acct:rev@example.com');
  const ids = rows.events.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort(), 'ids rise in document order');
  assert.deepEqual(rows.reviewed, [{ id: claimId, text: rows.claims[0]!.text }]);
  const [comment] = rows.comments;
  assert.deepEqual([comment!.claimId, comment!.authorId, comment!.resolvedById], [rows.claims[1]!.id, 'acct:rev@example.com', 'acct:ed@example.com']);
  assert.deepEqual(rows.mentions, [{ commentId: comment!.id, userId: 'acct:ed@example.com' }]);
  assert.equal(JSON.parse(rows.events[4]!.after!).commentId, comment!.id);
});

test('an archive written before comments travelled (no "comments") still imports, with none', () => {
  const d = structuredClone(exported()) as Partial<ReviewArchive>;
  delete d.comments;
  d.events = d.events!.filter((e) => e.type !== 'comment.added');
  const rows = toImportRows(parseReviewArchive(JSON.stringify(d)), () => crypto.randomUUID(), (email) => `acct:${email}`);
  assert.deepEqual([rows.comments, rows.mentions], [[], []]);
});

test('each kind of malformed or tampered archive is refused with a message naming the problem', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['bad JSON', '{"format": "factdesk-archive", ', /not valid JSON/],
    ['not an object', '[1,2]', /not a JSON object/],
    ['wrong format', tamper((d) => { (d as { format: string }).format = 'something-else'; }), /"format" is "something-else"/],
    ['wrong version', tamper((d) => { (d as { version: number }).version = 2; }), /version 2 is not supported/],
    ['unknown field', tamper((d) => { (d.article as Record<string, unknown>).secret = 1; }), /article: Unrecognized key/],
    ['empty rating', tamper((d) => { (d.verdicts[0] as { rating: string }).rating = ''; }), /verdicts\.0\.rating: A verdict needs a rating/],
    ['script URL', tamper((d) => { d.sources[0]!.url = 'javascript:alert(1)'; }), /sources\.0\.url: Only http/],
    ['dangling claim', tamper((d) => { d.verdicts[0]!.claim = 'r1-c9'; }), /verdicts\.0\.claim: claim r1-c9 is not in the archive/],
    ['dangling event target', tamper((d) => { d.events[2]!.target.key = 'r7-c1'; }), /events\.2\.target\.key/],
    ['dangling payload reference', tamper((d) => { d.events[2]!.after = { sourceId: { $ref: 's9' } }; }), /reference "s9" is not in the archive/],
    ['target of the wrong kind', tamper((d) => { d.events[2]!.target.key = 's1'; }), /"s1" is a source, not a claim/],
    ['quote not at its offsets', tamper((d) => { d.claims[0]!.quote = 'The council cut fares by 20 percent.'; }), /claim r1-c1: the quote does not match revision 1's text at 0-36/],
    ['offsets past the text', tamper((d) => { d.claims[1]!.end = 9999; }), /fall outside revision 1/],
    ['duplicate claim key', tamper((d) => { d.claims[1]!.key = 'r1-c1'; }), /duplicate claim key "r1-c1"/],
    ['duplicate revision', tamper((d) => { d.revisions.push({ ...d.revisions[0]! }); }), /duplicate revision number "1"/],
    ['unlisted account', tamper((d) => { d.verdicts[0]!.author = 'ghost@example.com'; }), /account ghost@example.com is not listed/],
    ['unreferenced account', tamper((d) => { d.accounts.push({ email: 'extra@example.com', name: '' }); }), /extra@example.com is listed but nothing/],
    ['comment on a missing claim', tamper((d) => { d.comments![0]!.claim = 'r1-c9'; }), /comments\.0\.claim: claim r1-c9 is not in the archive/],
    ['comment mentioning an unlisted account', tamper((d) => { d.comments![0]!.mentions = ['ghost@example.com']; }), /comments\.0\.mentions\.0: account ghost@example.com is not listed/],
    ['resolved by nobody', tamper((d) => { d.comments![0]!.resolvedBy = null; }), /resolvedAt and resolvedBy go together/],
    ['missing revision', tamper((d) => { d.verdicts[0]!.revisionNumber = 3; }), /revision 3 is not in the archive/],
    ['too many claims', tamper((d) => { d.claims = Array.from({ length: ARCHIVE_LIMITS.claims + 1 }, () => d.claims[0]!); }), /At most 20,000 claims/],
  ];
  for (const [name, text, message] of cases) {
    const e = refusal(() => parseReviewArchive(text));
    assert.equal(e.status, 422, name);
    assert.match(e.message, /^This archive cannot be imported: /, name);
    assert.match(e.message, message, name);
  }
});

test('ratings are checked against the importing desk\'s scale: its own entries pass, unknown ones are named with the offer', () => {
  const doc = parseReviewArchive(tamper((d) => { d.verdicts[0]!.rating = 'satire'; }));
  const scale = DEFAULT_SCALE_ENTRIES.map((e) => (e.key === 'Mostly true' ? { ...e, name: 'Largely accurate' } : e));
  const e = refusal(() => throwProblems(checkRatings(doc, scale)));
  assert.equal(e.status, 422);
  assert.match(e.message, /verdicts\.0\.rating: "satire" is not a rating on this desk's verdict scale\. The ratings on offer: True; Largely accurate \(key "Mostly true"\); Mixed/);
  assert.match(e.message, /An admin can add it under Verdict scale/);
  // The desk added it (and later retired it): a retired entry still means what it meant.
  assert.deepEqual(checkRatings(doc, [...scale, { ...scale[0]!, key: 'satire', name: 'Satire', retired: true }]), []);
});

test('size and encoding: 413 over the cap, 415 for bytes that are not UTF-8 text', () => {
  assert.equal(refusal(() => decodeArchiveBytes(new Uint8Array(MAX_ARCHIVE_BYTES + 1))).status, 413);
  assert.equal(refusal(() => decodeArchiveBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]))).status, 415);
  assert.equal(refusal(() => decodeArchiveBytes(new TextEncoder().encode('{"a":"\u0000"}'))).status, 415);
  assert.equal(decodeArchiveBytes(new TextEncoder().encode('\uFEFF{}')), '{}', 'a BOM is dropped');
});

test('property: any change to a quote that makes it differ from the revision text is refused', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 35 }), (insert, at) => {
      const d = structuredClone(exported());
      const q = d.claims[0]!.quote;
      const changed = q.slice(0, at) + insert + q.slice(at);
      d.claims[0]!.quote = changed;
      const text = JSON.stringify(d);
      const e = refusal(() => parseReviewArchive(text));
      return e.status === 422 && /r1-c1/.test(e.message);
    }),
    { numRuns: 200 },
  );
});
