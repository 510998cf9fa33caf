import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doublePhase, hiddenAuthors, redactEvent, slotOf, type BlindClaim } from './blind';

const ann = { id: 'ann', role: 'reviewer' };
const bob = { id: 'bob', role: 'reviewer' };
const cat = { id: 'cat', role: 'reviewer' };
const ed = { id: 'ed', role: 'editor' };
const blind: BlindClaim = { assigneeId: 'ann', secondAssigneeId: 'bob', slotsIn: [1] };

test('phases: none, blind until both slots are in, then both_in; resolved once the second reviewer is cleared', () => {
  assert.equal(doublePhase({ assigneeId: 'ann', secondAssigneeId: null, slotsIn: [] }), 'none');
  assert.equal(doublePhase({ ...blind, slotsIn: [] }), 'blind');
  assert.equal(doublePhase(blind), 'blind');
  assert.equal(doublePhase({ ...blind, slotsIn: [2] }), 'blind');
  assert.equal(doublePhase({ ...blind, slotsIn: [1, 2] }), 'both_in');
  assert.equal(doublePhase({ ...blind, secondAssigneeId: null, slotsIn: [2, 1] }), 'resolved');
});

test('during the blind phase each reviewer loses the other side; a third reviewer loses both; editors lose nothing', () => {
  assert.deepEqual([...hiddenAuthors(ann, blind)], ['bob']);
  assert.deepEqual([...hiddenAuthors(bob, blind)], ['ann']);
  assert.deepEqual([...hiddenAuthors(cat, blind)].sort(), ['ann', 'bob']);
  assert.equal(hiddenAuthors(ed, blind).size, 0);
  assert.equal(hiddenAuthors({ id: 'ad', role: 'admin' }, blind).size, 0);
  assert.equal(hiddenAuthors(bob, { ...blind, slotsIn: [1, 2] }).size, 0, 'both in: nothing hidden');
});

test('slots: the assignee rates in 1, the second reviewer in 2, anyone else in none', () => {
  assert.equal(slotOf('ann', blind), 1);
  assert.equal(slotOf('bob', blind), 2);
  assert.equal(slotOf('cat', blind), null);
});

test('history: a blinded reviewer keeps their own rows and assignments readable, the rest loses its payload', () => {
  assert.equal(redactEvent(bob, blind, { actorId: 'ann', type: 'verdict.blind' }), true);
  assert.equal(redactEvent(bob, blind, { actorId: 'ed', type: 'comment.resolved' }), true);
  assert.equal(redactEvent(bob, blind, { actorId: 'bob', type: 'verdict.blind' }), false);
  assert.equal(redactEvent(bob, blind, { actorId: 'ed', type: 'claim.assigned' }), false);
  assert.equal(redactEvent(ed, blind, { actorId: 'ann', type: 'verdict.blind' }), false);
  assert.equal(redactEvent(bob, { ...blind, slotsIn: [1, 2] }, { actorId: 'ann', type: 'verdict.blind' }), false);
});
