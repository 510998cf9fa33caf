// Two hubs on one in-process bus stand for two app instances on one broker.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hub, type LoadedEvent } from './hub';
import type { LiveEvent, Viewer } from './protocol';

const env = { DATABASE_URL: 'file:/tmp/unused.db' };
const row = (id: string, articleId: string): LoadedEvent => ({ id, articleId, at: new Date().toISOString(), type: 'verdict.recorded', target: { type: 'verdict', id: 'v1' }, actorName: 'Ana' });

function collector() {
  const events: LiveEvent[] = [];
  const presence: Viewer[][] = [];
  let wake = () => {};
  const sub = {
    onEvent: (e: LiveEvent) => { events.push(e); wake(); },
    onPresence: (v: Viewer[]) => { presence.push(v); wake(); },
    onResync: () => {},
  };
  const until = async (pred: () => boolean, ms = 2000) => {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise<void>((r) => { wake = r; setTimeout(r, 20); });
    }
  };
  return { events, presence, sub, until };
}

test('an event published on one instance reaches a stream on the other, read once from the table', async () => {
  const rows = new Map<string, LoadedEvent>();
  let reads = 0;
  const a = new Hub(env);
  const b = new Hub(env);
  b.loader = async (id) => { reads++; return rows.get(id) ?? null; };
  const c1 = collector();
  const c2 = collector();
  const stop1 = await b.subscribe('art1', { id: 'u2', name: 'Ben' }, c1.sub);
  const stop2 = await b.subscribe('art1', { id: 'u3', name: 'Cy' }, c2.sub);
  rows.set('e1', row('e1', 'art1'));
  await a.publishEvent('art1', 'e1');
  await c1.until(() => c1.events.length === 1 && c2.events.length === 1);
  assert.equal(c1.events[0]!.id, 'e1');
  assert.ok(!('articleId' in c1.events[0]!), 'streams get the live shape only');
  assert.equal(reads, 1, 'one read per instance, not per stream');
  stop1();
  stop2();
});

test('a message that overtakes its COMMIT is delivered once the row is there; a rolled-back one never', async () => {
  const rows = new Map<string, LoadedEvent>();
  const a = new Hub(env);
  const b = new Hub(env);
  b.loader = async (id) => rows.get(id) ?? null;
  const c = collector();
  const stop = await b.subscribe('art2', { id: 'u2', name: 'Ben' }, c.sub);
  await a.publishEvent('art2', 'late');
  setTimeout(() => rows.set('late', row('late', 'art2')), 150);
  await c.until(() => c.events.length === 1);
  await a.publishEvent('art2', 'rolled-back');
  // A forged or mistaken message naming another article is not believed: the row decides.
  rows.set('other', row('other', 'art-elsewhere'));
  await a.publishEvent('art2', 'other');
  await new Promise((r) => setTimeout(r, 1800));
  assert.deepEqual(c.events.map((e) => e.id), ['late']);
  stop();
});

test('presence crosses instances, one line per person, and clears when they leave', async () => {
  const a = new Hub(env);
  const b = new Hub(env);
  a.loader = b.loader = async () => null;
  const onA = collector();
  const onB = collector();
  const stopA = await a.subscribe('art3', { id: 'u1', name: 'Ana' }, onA.sub);
  const stopA2 = await a.subscribe('art3', { id: 'u1', name: 'Ana' }, collector().sub);
  const stopB = await b.subscribe('art3', { id: 'u2', name: 'Ben' }, onB.sub);
  const names = (v: Viewer[] | undefined) => (v ?? []).map((x) => x.name).join(',');
  await onB.until(() => names(onB.presence.at(-1)) === 'Ana,Ben');
  await onA.until(() => names(onA.presence.at(-1)) === 'Ana,Ben');
  stopA();
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(names(onB.presence.at(-1)), 'Ana,Ben', 'Ana still has a tab open');
  stopA2();
  await onB.until(() => names(onB.presence.at(-1)) === 'Ben');
  stopB();
});

test('a verdict-scale change reaches every open article on the other instance, with no history read', async () => {
  const a = new Hub(env);
  const b = new Hub(env);
  let reads = 0;
  b.loader = async () => { reads++; return null; };
  const got: Array<[string, number]> = [];
  const sub = (article: string) => ({ ...collector().sub, onScale: (v: number) => { got.push([article, v]); } });
  const stop1 = await b.subscribe('art4', { id: 'u2', name: 'Ben' }, sub('art4'));
  const stop2 = await b.subscribe('art5', { id: 'u3', name: 'Cy' }, sub('art5'));
  await a.publishScale(7);
  const end = Date.now() + 2000;
  while (got.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(got.sort(), [['art4', 7], ['art5', 7]]);
  assert.equal(reads, 0);
  stop1();
  stop2();
});
