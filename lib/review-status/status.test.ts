import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLAIM_STATUSES, REVIEW_MOVES, nextStatus, type ClaimStatus, type ReviewMove } from './status';

// Every (status, move) pair, written out: a changed rule must change this table on purpose.
const EXPECTED: Record<ClaimStatus, Record<ReviewMove, ClaimStatus | null>> = {
  open: { source: 'in_review', verdict: 'reviewed', dismiss: 'dismissed', approve: null, send_back: null, assign: 'in_review', blind_verdict: 'in_review', resolve: null },
  in_review: { source: 'in_review', verdict: 'reviewed', dismiss: 'dismissed', approve: null, send_back: null, assign: 'in_review', blind_verdict: 'in_review', resolve: null },
  reviewed: { source: 'reviewed', verdict: 'reviewed', dismiss: 'dismissed', approve: 'approved', send_back: 'in_review', assign: 'reviewed', blind_verdict: 'in_review', resolve: 'approved' },
  approved: { source: 'approved', verdict: 'reviewed', dismiss: 'dismissed', approve: null, send_back: 'in_review', assign: 'approved', blind_verdict: null, resolve: null },
  dismissed: { source: 'dismissed', verdict: 'reviewed', dismiss: 'dismissed', approve: null, send_back: null, assign: 'dismissed', blind_verdict: null, resolve: null },
};

test('every transition of every status follows the table', () => {
  for (const from of CLAIM_STATUSES) {
    for (const move of REVIEW_MOVES) {
      const r = nextStatus(from, move);
      const want = EXPECTED[from][move];
      if (want === null) assert.equal(r.ok, false, `${from} --${move}--> should be refused`);
      else assert.deepEqual(r, { ok: true, status: want }, `${from} --${move}-->`);
    }
  }
});

test('a refused move says why in words a reviewer understands', () => {
  const approvedTwice = nextStatus('approved', 'approve');
  assert.equal(approvedTwice.ok, false);
  assert.match(!approvedTwice.ok ? approvedTwice.reason : '', /already approved/);
  const nothing = nextStatus('open', 'approve');
  assert.match(!nothing.ok ? nothing.reason : '', /no verdict waiting/);
});

test('a verdict on an approved claim needs approval again', () => {
  assert.deepEqual(nextStatus('approved', 'verdict'), { ok: true, status: 'reviewed' });
});

test('statuses outside the review (merged, not a claim) are refused for every move', () => {
  for (const move of REVIEW_MOVES) assert.equal(nextStatus('not_a_claim', move).ok, false);
});

test('a double check: first blind rating keeps the claim in review, the pair makes it reviewed, resolving approves', () => {
  const first = nextStatus('open', 'blind_verdict');
  assert.deepEqual(first, { ok: true, status: 'in_review' });
  const pair = nextStatus(first.ok ? first.status : '', 'verdict');
  assert.deepEqual(pair, { ok: true, status: 'reviewed' });
  assert.deepEqual(nextStatus(pair.ok ? pair.status : '', 'resolve'), { ok: true, status: 'approved' });
  const early = nextStatus('in_review', 'resolve');
  assert.match(!early.ok ? early.reason : '', /Both reviewers rate/);
  const again = nextStatus('approved', 'blind_verdict');
  assert.match(!again.ok ? again.reason : '', /sends it back/);
});
