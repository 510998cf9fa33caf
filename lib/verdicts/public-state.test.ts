import assert from 'node:assert/strict';
import { test } from 'node:test';
import { publicState } from './public-state';
import { RATINGS } from './scale';

const rated = { rating: 'True' };

test('a rating withdrawn by a dismissal is never shown as a rating', () => {
  const s = publicState({ status: 'dismissed', verdict: rated });
  assert.equal(s.kind, 'dismissed');
  assert.equal(s.rating, null);
  assert.equal(s.ratingValue, null);
  assert.equal(s.label, 'Not checkable');
});

test('dismissed then rated is rated', () => {
  assert.deepEqual([publicState({ status: 'reviewed', verdict: { rating: 'Mostly false' } }).kind, publicState({ status: 'reviewed', verdict: { rating: 'Mostly false' } }).ratingValue], ['rated', 2]);
});

test('a stale claim publishes nothing of its old review', () => {
  for (const status of ['reviewed', 'dismissed', 'open']) {
    const s = publicState({ status, stale: true, verdict: rated });
    assert.equal(s.kind, 'stale');
    assert.equal(s.rating, null);
  }
});

test('open and in-review claims never look checked', () => {
  for (const status of ['open', 'in_review']) {
    const s = publicState({ status, verdict: null });
    assert.equal(s.kind, 'open');
    assert.equal(s.symbol, '○');
  }
});

test('Unverifiable is rated without a ratingValue and has its own style token', () => {
  const s = publicState({ status: 'reviewed', verdict: { rating: 'Unverifiable' } });
  assert.deepEqual([s.kind, s.ratingValue, s.css, s.symbol], ['rated', null, 'unverifiable', '?']);
});

test('every verdict and every other state has its own word and its own symbol', () => {
  const states = [
    ...RATINGS.map((rating) => publicState({ status: 'reviewed', verdict: { rating } })),
    publicState({ status: 'open', verdict: null }),
    publicState({ status: 'dismissed', verdict: null }),
    publicState({ status: 'reviewed', stale: true, verdict: rated }),
  ];
  assert.equal(new Set(states.map((s) => s.label)).size, states.length);
  assert.equal(new Set(states.map((s) => s.symbol)).size, states.length);
  assert.equal(new Set(states.map((s) => s.css)).size, states.length);
  assert.deepEqual(['True', 'Mostly true', 'Mixed', 'Mostly false', 'False'].map((rating) => publicState({ status: 'reviewed', verdict: { rating } }).symbol), ['✓', '▲', '≈', '▼', '✗']);
});

test('with approval required, only the latest approved verdict is published', () => {
  const base = { approvalRequired: true } as const;
  const awaiting = publicState({ ...base, status: 'reviewed', verdict: { id: 'v1', rating: 'True' }, approvedVerdict: null });
  assert.equal(awaiting.kind, 'awaiting');
  assert.equal(awaiting.label, 'Awaiting approval');
  assert.equal(awaiting.rating, null, 'an unapproved rating is never published');
  const approved = publicState({ ...base, status: 'approved', verdict: { id: 'v1', rating: 'True' }, approvedVerdict: { id: 'v1', rating: 'True' } });
  assert.deepEqual([approved.kind, approved.rating, approved.pendingApproval], ['rated', 'True', undefined]);
  // A newer verdict waits; the approved one stays the claim's current verdict.
  const newer = publicState({ ...base, status: 'reviewed', verdict: { id: 'v2', rating: 'False' }, approvedVerdict: { id: 'v1', rating: 'True' } });
  assert.deepEqual([newer.kind, newer.rating, newer.pendingApproval], ['rated', 'True', true]);
  // Stale and dismissed still come first.
  assert.equal(publicState({ ...base, status: 'approved', stale: true, verdict: { id: 'v1', rating: 'True' }, approvedVerdict: { id: 'v1', rating: 'True' } }).kind, 'stale');
  assert.equal(publicState({ ...base, status: 'dismissed', verdict: { id: 'v1', rating: 'True' }, approvedVerdict: { id: 'v1', rating: 'True' } }).kind, 'dismissed');
  // Without the setting, the latest verdict is published as before.
  assert.equal(publicState({ status: 'reviewed', verdict: { id: 'v1', rating: 'True' } }).kind, 'rated');
});
