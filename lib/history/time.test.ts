import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatDate, formatExact, formatRelative } from './time';

const now = Date.parse('2026-11-25T14:03:30Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

test('the exact time is one format, in UTC, whatever the machine zone', () => {
  assert.equal(formatExact('2026-11-25T14:03:30Z'), '25 Nov 2026, 14:03 UTC');
  assert.equal(formatExact('2026-01-02T00:05:00Z'), '2 Jan 2026, 00:05 UTC');
  assert.equal(formatDate('2026-01-02T23:59:00Z'), '2 Jan 2026');
});

test('relative times read like a person says them', () => {
  assert.equal(formatRelative(ago(5_000), now), 'just now');
  assert.equal(formatRelative(ago(-5_000), now), 'just now');
  assert.equal(formatRelative(ago(3 * 60_000), now), '3 min ago');
  assert.equal(formatRelative(ago(59 * 60_000), now), '59 min ago');
  assert.equal(formatRelative(ago(5 * 3_600_000), now), '5 h ago');
  assert.equal(formatRelative(ago(30 * 3_600_000), now), 'yesterday');
  assert.equal(formatRelative(ago(4 * 86_400_000), now), '4 days ago');
  assert.equal(formatRelative('2025-03-01T10:00:00Z', now), '1 Mar 2025');
});

test('later moments never read as longer ago', () => {
  const rank = (s: string) => (s === 'just now' ? 0 : s.endsWith('min ago') ? 1 : s.endsWith('h ago') ? 2 : s === 'yesterday' ? 3 : s.endsWith('days ago') ? 4 : 5);
  fc.assert(fc.property(fc.nat(40 * 86_400_000), fc.nat(40 * 86_400_000), (a, b) => {
    const [near, far] = a < b ? [a, b] : [b, a];
    return rank(formatRelative(ago(near), now)) <= rank(formatRelative(ago(far), now));
  }));
});
