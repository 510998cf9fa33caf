import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventDto } from './dto';
import { filterEvents, historyCsv } from './export';

const ev = (id: string, type: string, actor: string | null, actorName: string | null, target = { type: 'claim', id: 'c1' }, after: unknown = null): EventDto =>
  ({ id, at: `2026-11-25T10:00:0${id}Z`, actor, actorName, type, target, before: null, after });

const events = [
  ev('1', 'article.loaded', 'ed@x', 'Edna', { type: 'article', id: 'a1' }),
  ev('2', 'verdict.recorded', 'jo@x', 'Jo', { type: 'claim', id: 'c1' }, { rating: 'False' }),
  ev('3', 'comment.added', 'jo@x', '=cmd|calc', { type: 'claim', id: 'c2' }, { body: '=HYPERLINK("http://evil","x")' }),
  ev('4', 'claim.assigned', 'ed@x', 'Edna', { type: 'claim', id: 'c1' }, { assignee: 'Jo' }),
  ev('5', 'claim.changed', null, null),
];

test('filters by person (email or name, case-insensitive), kind and claim, and combine', () => {
  assert.deepEqual(filterEvents(events, { actor: 'JO@x' }).map((e) => e.id), ['2', '3']);
  assert.deepEqual(filterEvents(events, { actor: 'jo' }).map((e) => e.id), ['2']);
  assert.deepEqual(filterEvents(events, { actor: 'edna' }).map((e) => e.id), ['1', '4']);
  assert.deepEqual(filterEvents(events, { actor: 'system' }).map((e) => e.id), ['5']);
  assert.deepEqual(filterEvents(events, { kind: 'comments' }).map((e) => e.id), ['3']);
  assert.deepEqual(filterEvents(events, { kind: 'assignment' }).map((e) => e.id), ['4']);
  assert.deepEqual(filterEvents(events, { claim: 'c1' }).map((e) => e.id), ['2', '4', '5']);
  assert.deepEqual(filterEvents(events, { claim: 'c1', actor: 'jo@x' }).map((e) => e.id), ['2']);
});

test('CSV: one row per event with the claim number, and no cell starts a formula', () => {
  const csv = historyCsv(events, { c1: 1, c2: 2 });
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(lines.length, 6);
  assert.match(lines[0]!, /^at,actor,actor_name,type,kind/);
  assert.match(lines[2]!, /verdict\.recorded,verdicts,recorded a verdict,False,claim,c1,c1/);
  // The comment's body appears in the detail and in the after JSON; neither may start with =.
  const cells = lines[3]!.match(/("([^"]|"")*"|[^,]*)/g)!.filter(Boolean);
  for (const cell of cells) assert.doesNotMatch(cell.replace(/^"/, ''), /^[=+\-@]/, cell);
  // A display name is user text too: it is defused with a leading quote.
  assert.match(lines[3]!, /,'=cmd\|calc,/);
});
