import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareQueue, overdueReason } from './rules';

const NOW = new Date('2026-11-25T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

test('a claim past its due time is overdue while it still waits, and not once reviewed', () => {
  const due = hoursAgo(1);
  assert.equal(overdueReason({ status: 'in_review', dueAt: due, lastActivityAt: hoursAgo(0.5) }, NOW), 'past_due');
  assert.equal(overdueReason({ status: 'open', dueAt: due, lastActivityAt: hoursAgo(2) }, NOW), 'past_due');
  for (const status of ['reviewed', 'approved', 'dismissed']) {
    assert.equal(overdueReason({ status, dueAt: due, lastActivityAt: hoursAgo(2) }, NOW), null, status);
  }
});

test('a due time still ahead is not overdue, however long the claim sat', () => {
  assert.equal(overdueReason({ status: 'in_review', dueAt: new Date(NOW.getTime() + 60_000), lastActivityAt: hoursAgo(100) }, NOW), null);
});

test('without a due time, 24 h idle in review is overdue; 23 h is not; open claims never are', () => {
  assert.equal(overdueReason({ status: 'in_review', dueAt: null, lastActivityAt: hoursAgo(24.01) }, NOW), 'idle_in_review');
  assert.equal(overdueReason({ status: 'in_review', dueAt: null, lastActivityAt: hoursAgo(23) }, NOW), null);
  assert.equal(overdueReason({ status: 'open', dueAt: null, lastActivityAt: hoursAgo(500) }, NOW), null);
});

test('exactly at the due time is not yet overdue (the boundary belongs to the reviewer)', () => {
  assert.equal(overdueReason({ status: 'in_review', dueAt: NOW, lastActivityAt: hoursAgo(1) }, NOW), null);
});

test('archived claims are never overdue', () => {
  assert.equal(overdueReason({ status: 'in_review', dueAt: hoursAgo(5), lastActivityAt: hoursAgo(5), archivedAt: hoursAgo(1) }, NOW), null);
});

test('queue order: due soonest first, then claims without due time by longest waiting', () => {
  const rows = [
    { id: 'a', dueAt: null, assignedAt: hoursAgo(1), createdAt: hoursAgo(50) },
    { id: 'b', dueAt: new Date(NOW.getTime() + 7200_000), assignedAt: hoursAgo(1), createdAt: hoursAgo(1) },
    { id: 'c', dueAt: hoursAgo(1), assignedAt: hoursAgo(0.1), createdAt: hoursAgo(1) },
    { id: 'd', dueAt: null, assignedAt: hoursAgo(10), createdAt: hoursAgo(10) },
    { id: 'e', dueAt: null, assignedAt: null, createdAt: hoursAgo(30) },
  ];
  assert.deepEqual([...rows].sort(compareQueue).map((r) => r.id), ['c', 'b', 'e', 'd', 'a']);
});
