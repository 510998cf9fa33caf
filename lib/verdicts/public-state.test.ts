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
