import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deskStats, formatDuration, median } from './dashboard';

const jo = { id: 'jo', name: 'Jo' };
const ana = { id: 'ana', name: 'Ana' };

test('verdicts are counted per rating in scale order, zero included', () => {
  const s = deskStats({ waiting: [], ratings: ['False', 'True', 'False'], approvals: [] });
  assert.deepEqual(s.verdicts.find((v) => v.rating === 'False'), { rating: 'False', count: 2, colour: '#a11d1d' });
  assert.deepEqual(s.verdicts.find((v) => v.rating === 'Mixed'), { rating: 'Mixed', count: 0, colour: '#8a5a00' });
  assert.equal(s.verdicts[0]!.rating, 'True');
});

test('the configured scale names and orders the rows; a retired rating shows only while claims carry it', () => {
  const scale = [
    { key: 'False', name: 'Wrong', ratingValue: 1, colour: '#a11d1d', icon: 'cross' as const, retired: false },
    { key: 'True', name: 'Right', ratingValue: 2, colour: '#1d6b3a', icon: 'check' as const, retired: false },
    { key: 'Mixed', name: 'Mixed', ratingValue: null, colour: '#8a5a00', icon: 'approx' as const, retired: true },
    { key: 'Satire', name: 'Satire', ratingValue: null, colour: '#5b2c6f', icon: 'star' as const, retired: true },
  ];
  const s = deskStats({ waiting: [], ratings: ['True', 'Satire', 'Gone'], approvals: [], scale });
  assert.deepEqual(s.verdicts.map((v) => [v.rating, v.count]), [['Wrong', 0], ['Right', 1], ['Satire', 1], ['Gone', 1]]);
});

test('open, in review and overdue per reviewer; unowned claims are their own row, last', () => {
  const s = deskStats({
    waiting: [
      { status: 'open', assignee: null, overdue: false },
      { status: 'in_review', assignee: jo, overdue: false },
      { status: 'in_review', assignee: ana, overdue: true },
      { status: 'in_review', assignee: ana, overdue: false },
    ],
    ratings: [], approvals: [],
  });
  assert.deepEqual(s.reviewers, [
    { reviewer: ana, open: 0, inReview: 2, overdue: 1 },
    { reviewer: jo, open: 0, inReview: 1, overdue: 0 },
    { reviewer: null, open: 1, inReview: 0, overdue: 0 },
  ]);
});

test('median time to approval uses each claim\'s first approval; none gives null', () => {
  const t0 = new Date('2026-11-25T00:00:00Z');
  const at = (h: number) => new Date(t0.getTime() + h * 3600_000);
  assert.equal(deskStats({ waiting: [], ratings: [], approvals: [] }).approval.medianMs, null);
  const s = deskStats({
    waiting: [], ratings: [],
    approvals: [
      { claimId: 'a', loadedAt: t0, approvedAt: at(2) },
      { claimId: 'a', loadedAt: t0, approvedAt: at(9) },
      { claimId: 'b', loadedAt: t0, approvedAt: at(4) },
      { claimId: 'c', loadedAt: t0, approvedAt: at(10) },
    ],
  });
  assert.deepEqual(s.approval, { medianMs: 4 * 3600_000, approved: 3 });
});

test('median of an even count is the mean of the middle two', () => {
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('durations read at a glance', () => {
  assert.equal(formatDuration(45 * 60_000), '45 min');
  assert.equal(formatDuration(200 * 60_000), '3 h 20 min');
  assert.equal(formatDuration(52 * 3600_000), '2 d 4 h');
});
