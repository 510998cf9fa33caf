import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventDto } from './dto';
import { eventKind, groupEvents, summariseEvent } from './summary';

let n = 0;
function ev(type: string, at: string, actor: string | null, after: unknown = null): EventDto {
  n += 1;
  return { id: `e${n}`, at, actor, actorName: actor ? actor.split('@')[0]! : null, type, target: { type: 'article', id: 'a1' }, before: null, after };
}

test('repeated exports by one person read as one line listing the formats', () => {
  const entries = groupEvents([
    ev('verdict.recorded', '2026-11-25T10:00:00Z', 'rev@x', { rating: 'True' }),
    ev('article.exported', '2026-11-25T10:01:00Z', 'ed@x', { format: 'html' }),
    ev('article.exported', '2026-11-25T10:01:30Z', 'ed@x', { format: 'md' }),
    ev('article.exported', '2026-11-25T10:02:00Z', 'ed@x', { format: 'jsonld' }),
    ev('article.exported', '2026-11-25T10:03:00Z', 'ed@x', { format: 'md' }),
  ]);
  assert.equal(entries.length, 2);
  assert.equal(entries[1]!.count, 4);
  assert.equal(entries[1]!.detail, 'HTML, Markdown, JSON-LD');
  assert.equal(entries[1]!.firstAt, '2026-11-25T10:01:00Z');
  assert.equal(entries[1]!.at, '2026-11-25T10:03:00Z');
});

test('exports are not grouped across another person, another event or a long pause', () => {
  const entries = groupEvents([
    ev('article.exported', '2026-11-25T10:00:00Z', 'ed@x', { format: 'html' }),
    ev('article.exported', '2026-11-25T10:01:00Z', 'other@x', { format: 'html' }),
    ev('article.exported', '2026-11-25T10:02:00Z', 'other@x', { format: 'csv' }),
    ev('source.added', '2026-11-25T10:03:00Z', 'other@x', { title: 'Report' }),
    ev('article.exported', '2026-11-25T10:04:00Z', 'other@x', { format: 'csv' }),
    ev('article.exported', '2026-11-25T12:04:00Z', 'other@x', { format: 'csv' }),
  ]);
  assert.deepEqual(entries.map((e) => e.count), [1, 2, 1, 1, 1]);
  assert.equal(entries[0]!.detail, 'HTML');
});

test('other repeated events stay one line each: each verdict is a decision someone made', () => {
  const entries = groupEvents([
    ev('verdict.recorded', '2026-11-25T10:00:00Z', 'rev@x', { rating: 'True' }),
    ev('verdict.recorded', '2026-11-25T10:00:10Z', 'rev@x', { rating: 'False' }),
  ]);
  assert.equal(entries.length, 2);
});

test('every event has a kind to filter by, new claim events included', () => {
  assert.equal(eventKind('verdict.recorded'), 'verdicts');
  assert.equal(eventKind('claim.dismissed'), 'verdicts');
  assert.equal(eventKind('article.exported'), 'exports');
  assert.equal(eventKind('claim.split'), 'claims');
  assert.equal(eventKind('relation.confirmed'), 'links');
  assert.equal(eventKind('something.new'), 'other');
  assert.equal(summariseEvent({ type: 'article.exported', before: null, after: { format: 'verified-md' } }), 'verified Markdown');
});
