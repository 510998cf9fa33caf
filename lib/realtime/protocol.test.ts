import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brokerKind, ConnectionCap, decodeMessage, encodeMessage, MAX_BROKER_PAYLOAD_BYTES, PresenceBook, SeenIds, sseFrame } from './protocol';
import { viewingLine } from './presence-line';

test('a crowded article still fits one PostgreSQL NOTIFY (under 8000 bytes)', () => {
  const v = Array.from({ length: 500 }, (_, i) => ({ id: `user-${i}-${'x'.repeat(20)}`, name: `Reviewer ${'é'.repeat(80)} ${i}` }));
  const raw = encodeMessage({ k: 'presence', a: 'article-1', i: 'instance-1', v });
  assert.ok(new TextEncoder().encode(raw).length <= MAX_BROKER_PAYLOAD_BYTES);
  assert.ok(new TextEncoder().encode(raw).length < 8000);
  const back = decodeMessage(raw);
  assert.equal(back?.k, 'presence');
  assert.ok(back?.k === 'presence' && back.v.length > 10 && back.v.length < 500);
});

test('broker messages round-trip and junk is dropped, not thrown', () => {
  assert.deepEqual(decodeMessage(encodeMessage({ k: 'event', a: 'a1', e: 'e1' })), { k: 'event', a: 'a1', e: 'e1' });
  assert.deepEqual(decodeMessage(encodeMessage({ k: 'scale', v: 3 })), { k: 'scale', v: 3 });
  for (const bad of ['{"k":"scale"}', '{"k":"scale","v":"3"}', '{"k":"scale","v":0}', '{"k":"scale","v":1.5}']) assert.equal(decodeMessage(bad), null, bad);
  for (const junk of ['', 'null', '{', '{"k":"event","a":"a1"}', '{"k":"event","a":1,"e":"x"}', '{"k":"other","a":"a"}', `{"k":"event","a":"${'a'.repeat(300)}","e":"e"}`]) {
    assert.equal(decodeMessage(junk), null, junk);
  }
});

test('an SSE frame cannot be split or given extra fields by its content', () => {
  const f = sseFrame({ event: 'change', id: 'e1', data: { text: 'line1\n\ndata: forged\nid: x' } });
  assert.equal(f.split('\n\n').length, 2, 'one frame, ended once');
  assert.match(f, /^event: change\nid: e1\ndata: .*\n\n$/);
  assert.doesNotMatch(sseFrame({ id: 'a\nid: b' }), /id:/);
});

test('presence: one entry per person across tabs and instances; a quiet instance is forgotten', () => {
  const b = new PresenceBook(1000);
  assert.equal(b.join('a', { id: 'u1', name: 'Ana' }), true);
  assert.equal(b.join('a', { id: 'u1', name: 'Ana' }), false, 'a second tab is not news');
  b.setRemote('other', 'a', [{ id: 'u2', name: 'Ben' }, { id: 'u1', name: 'Ana' }], 0);
  assert.deepEqual(b.viewers('a', 10).map((v) => v.name), ['Ana', 'Ben']);
  assert.equal(b.leave('a', 'u1'), false, 'one tab still open');
  assert.equal(b.leave('a', 'u1'), true);
  assert.deepEqual(b.viewers('a', 10).map((v) => v.name), ['Ana', 'Ben'], 'Ana still viewing on the other instance');
  assert.deepEqual(b.expire(1000), ['a']);
  assert.deepEqual(b.viewers('a', 1000), []);
});

test('the presence line reads naturally', () => {
  assert.equal(viewingLine([]), '');
  assert.equal(viewingLine(['Ana']), 'Ana is viewing');
  assert.equal(viewingLine(['Ana', 'Ben']), 'Ana and Ben are viewing');
  assert.equal(viewingLine(['Ana', 'Ben', 'Cy']), 'Ana, Ben and 1 other are viewing');
  assert.equal(viewingLine(['Ana', 'Ben', 'Cy', 'Di']), 'Ana, Ben and 2 others are viewing');
});

test('connections are capped per user and freed on close', () => {
  const cap = new ConnectionCap(2);
  assert.ok(cap.tryOpen('u'));
  assert.ok(cap.tryOpen('u'));
  assert.equal(cap.tryOpen('u'), false);
  assert.ok(cap.tryOpen('v'), 'another user is not affected');
  cap.close('u');
  assert.ok(cap.tryOpen('u'));
});

test('a replayed id is shown once; old ids are forgotten past the limit', () => {
  const s = new SeenIds(2);
  assert.ok(s.add('a'));
  assert.equal(s.add('a'), false);
  s.add('b');
  s.add('c');
  assert.ok(s.add('a'), 'forgotten after two newer ones');
});

test('the broker follows the configuration: Redis when set, else PostgreSQL, else in-process', () => {
  assert.equal(brokerKind({ DATABASE_URL: 'postgresql://x/y', REDIS_URL: 'redis://127.0.0.1:6379' }), 'redis');
  assert.equal(brokerKind({ DATABASE_URL: 'postgres://x/y' }), 'postgres');
  assert.equal(brokerKind({ DATABASE_URL: 'file:./.data/x.db' }), 'local');
  assert.equal(brokerKind({}), 'local');
});
