import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCorrections, draftCorrectionsNote, formatNote, kindOfRatingChange, type NoteClaim } from './corrections';
import { checkGate, type GateClaim } from './gate';

const claim = (over: Partial<GateClaim>): GateClaim => ({
  id: 'x', ordinal: 1, quote: 'q', checkworthy: true, status: 'reviewed', stale: false,
  verdict: { rating: 'True', correctionStatus: null }, sources: [{}], ...over,
});

test('the gate passes only when every check-worthy claim is rated with a source or dismissed', () => {
  assert.equal(checkGate([claim({}), claim({ id: 'd', status: 'dismissed', verdict: null, sources: [] })]).ok, true);
  const { ok, missing } = checkGate([
    claim({ id: 'open', ordinal: 4, status: 'open', verdict: null, sources: [] }),
    claim({ id: 'nosrc', ordinal: 2, sources: [] }),
    claim({ id: 'stale', ordinal: 3, stale: true }),
    claim({ id: 'fix', ordinal: 1, verdict: { rating: 'False', correctionStatus: 'proposed' } }),
    claim({ id: 'skip', ordinal: 5, checkworthy: false, status: 'open', verdict: null }),
  ]);
  assert.equal(ok, false);
  assert.deepEqual(missing.map((m) => [m.ordinal, m.problem]), [[1, 'correction_pending'], [2, 'no_source'], [3, 'stale'], [4, 'not_reviewed']]);
});

test('a rated-then-dismissed claim satisfies the gate as dismissed, never as rated', () => {
  assert.equal(checkGate([claim({ status: 'dismissed', sources: [] })]).ok, true);
});

const noteClaim = (over: Partial<NoteClaim>): NoteClaim => ({
  id: 'c', ordinal: 1, start: 0, end: 20, quote: 'The court ruled 5-4.', rated: true, verdicts: [], ...over,
});

test('accepted corrections are applied to the text and drafted into the note; proposed and rejected ones are not', () => {
  const text = 'The court ruled 5-4. It was close.';
  const accepted = noteClaim({ verdicts: [{ rating: 'False', correction: 'The court ruled 6-3.', correctionStatus: 'accepted', correctionDecidedAt: '2026-11-22T10:00:00.000Z', createdAt: '2026-11-21T10:00:00.000Z' }] });
  assert.equal(applyCorrections(text, [accepted]), 'The court ruled 6-3. It was close.');
  const [entry, ...rest] = draftCorrectionsNote([accepted]);
  assert.equal(rest.length, 0);
  assert.deepEqual([entry!.kind, entry!.at], ['correction', '2026-11-22T10:00:00.000Z']);
  assert.match(formatNote([entry!]), /^Correction \(2026-11-22\): An earlier version of this article said: "The court ruled 5-4\." It now reads: "The court ruled 6-3\."$/);
  for (const status of ['proposed', 'rejected']) {
    const c = noteClaim({ verdicts: [{ ...accepted.verdicts[0]!, correctionStatus: status }] });
    assert.equal(applyCorrections(text, [c]), text);
    assert.deepEqual(draftCorrectionsNote([c]), []);
  }
  assert.equal(applyCorrections(text, [{ ...accepted, rated: false }]), text, 'a withdrawn review corrects nothing');
});

test('a rating that changed after it was first given is a correction, clarification or update', () => {
  const v = (rating: string, day: string) => ({ rating, correction: null, correctionStatus: null, correctionDecidedAt: null, createdAt: `2026-11-${day}T10:00:00.000Z` });
  const [e] = draftCorrectionsNote([noteClaim({ verdicts: [v('True', '20'), v('Mixed', '21'), v('False', '22')] })]);
  assert.equal(e!.kind, 'correction');
  assert.match(e!.text, /first rated the claim "The court ruled 5-4\." True \(2026-11-20\)\. On 2026-11-22 we changed the rating to False\./);
  assert.deepEqual(draftCorrectionsNote([noteClaim({ verdicts: [v('True', '20'), v('False', '21'), v('True', '22')] })]), [], 'back where it started');
  assert.equal(kindOfRatingChange('True', 'Mostly true'), 'clarification');
  assert.equal(kindOfRatingChange('Unverifiable', 'False'), 'update');
  assert.equal(kindOfRatingChange('Mostly false', 'Mixed'), 'correction');
});

test('gate: where approval is required, every verdict not yet approved is listed, and an approved one passes', () => {
  const approval = { approvalRequired: true };
  const v = { id: 'v1', rating: 'True', correctionStatus: null };
  const waiting = checkGate([claim({ ...approval, status: 'reviewed', verdict: v, approvedVerdict: null })]);
  assert.deepEqual(waiting.missing.map((m) => m.problem), ['not_approved']);
  const newer = checkGate([claim({ ...approval, status: 'reviewed', verdict: { ...v, id: 'v2' }, approvedVerdict: v })]);
  assert.deepEqual(newer.missing.map((m) => m.problem), ['not_approved'], 'a newer verdict than the approved one waits too');
  assert.equal(checkGate([claim({ ...approval, status: 'approved', verdict: v, approvedVerdict: v })]).ok, true);
});
