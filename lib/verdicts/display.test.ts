import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { countStates, matchesFilter, STATE_LEGEND, type ClaimFilter } from './display';
import { RATINGS } from './scale';

const claim = fc.record({
  status: fc.constantFrom('open', 'in_review', 'reviewed', 'approved', 'dismissed'),
  stale: fc.boolean(),
  verdict: fc.option(fc.record({ rating: fc.constantFrom(...RATINGS) }), { nil: null }),
});

test('the progress bar and the filters count the same claims: reviewed = rated + not checkable', () => {
  fc.assert(fc.property(fc.array(claim, { maxLength: 40 }), (claims) => {
    const n = countStates(claims);
    const inFilter = (f: ClaimFilter) => claims.filter((c) => matchesFilter(c, f)).length;
    assert.equal(inFilter('all'), n.total);
    assert.equal(inFilter('rated'), n.rated);
    assert.equal(inFilter('dismissed'), n.dismissed);
    assert.equal(inFilter('open'), n.open);
    assert.equal(inFilter('stale'), n.stale);
    assert.equal(n.reviewed, inFilter('rated') + inFilter('dismissed'));
    // Every claim is in exactly one state filter, so the filters add up to "All".
    assert.equal(n.open + n.awaiting + n.rated + n.dismissed + n.stale, n.total);
  }));
});

test('a claim rated and then changed by a new draft is not counted as reviewed', () => {
  const n = countStates([{ status: 'reviewed', stale: true, verdict: { rating: 'True' } }, { status: 'reviewed', verdict: { rating: 'False' } }]);
  assert.deepEqual(n, { total: 2, open: 0, awaiting: 0, rated: 1, dismissed: 0, stale: 1, reviewed: 1 });
});

test('the legend lists every state once, each with its own symbol', () => {
  assert.equal(STATE_LEGEND.length, RATINGS.length + 4);
  assert.equal(new Set(STATE_LEGEND.map((s) => s.symbol)).size, STATE_LEGEND.length);
});

test('a verdict awaiting approval is counted apart, never as reviewed', () => {
  const approval = { approvalRequired: true };
  const n = countStates([
    { status: 'reviewed', verdict: { id: 'v1', rating: 'True' }, ...approval, approvedVerdict: null },
    { status: 'approved', verdict: { id: 'v2', rating: 'False' }, ...approval, approvedVerdict: { id: 'v2', rating: 'False' } },
  ]);
  assert.deepEqual(n, { total: 2, open: 0, awaiting: 1, rated: 1, dismissed: 0, stale: 0, reviewed: 1 });
});
