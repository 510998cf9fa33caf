// Live updates on a real database (SQLite or PostgreSQL, per DATABASE_URL): a change is announced
// only once it commits (on PostgreSQL by NOTIFY in the writer's transaction, with nothing but ids),
// and a reconnecting reader gets what it missed from the history table.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Actor } from '../auth/permissions';
import { createArticle } from './articles';
import { recordVerdict } from './claims';
import { db, isPostgresUrl } from './client';
import { recordEvent } from './events';
import { liveEventsAfter, openLiveStream } from './live-events';
import { statusOf } from './testing';
import { createUserAsOperator } from './users';
import { CHANNEL, decodeMessage, MAX_BROKER_PAYLOAD_BYTES } from '../realtime/protocol';

const PASSWORD = 'correct horse battery staple';
const TEXT = 'Unemployment fell to 4.1 percent in March. The city spent 12 million dollars on roads in 2023. Bus fares rose 5 percent last year.';
let editor: Actor;
const pg = isPostgresUrl(process.env.DATABASE_URL ?? '');

before(async () => {
  const e = await createUserAsOperator({ email: 'live-editor@example.com', password: PASSWORD, role: 'editor' });
  editor = { id: e.id, email: e.email, name: 'Live Editor', role: 'editor' };
});

describe('live events', () => {
  test('PostgreSQL: a committed change is NOTIFYed with only its ids; a rolled-back one never is', { skip: pg ? false : 'PostgreSQL only (SQLite uses the in-process bus)' }, async () => {
    const { Client } = await import('pg');
    const listener = new Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const got: string[] = [];
    listener.on('notification', (n) => { if (n.channel === CHANNEL && n.payload) got.push(n.payload); });
    await listener.query(`LISTEN ${CHANNEL}`);
    try {
      const art = await createArticle(editor, { title: 'Live itest', text: TEXT });
      const claim = art.claims[0]!;
      await recordVerdict(editor, claim.id, { rating: 'True', explanation: 'Checked.', version: claim.version });
      const rolledBack = await db().$transaction(async (tx) => {
        await recordEvent(tx, { articleId: art.id, actorId: editor.id, type: 'claim.dismissed', targetType: 'claim', targetId: claim.id });
        throw new Error('rollback on purpose');
      }).catch((e: Error) => e.message);
      assert.equal(rolledBack, 'rollback on purpose');
      await new Promise((r) => setTimeout(r, 300));
      const events = await db().event.findMany({ where: { articleId: art.id }, select: { id: true } });
      const announced = got.map(decodeMessage).filter((m) => m?.k === 'event' && m.a === art.id).map((m) => (m as { e: string }).e);
      assert.deepEqual(new Set(announced), new Set(events.map((e) => e.id)), 'exactly the committed events, each once');
      assert.equal(announced.length, events.length);
      for (const raw of got) {
        assert.ok(Buffer.byteLength(raw) < MAX_BROKER_PAYLOAD_BYTES);
        assert.doesNotMatch(raw, /Checked|True/, 'no verdict text travels through the broker');
      }
    } finally {
      await listener.end();
    }
  });

  test('a reconnecting reader gets what it missed since its last event, in order, without that one', async () => {
    const art = await createArticle(editor, { title: 'Replay itest', text: TEXT });
    const all0 = await db().event.findMany({ where: { articleId: art.id }, orderBy: [{ at: 'asc' }, { id: 'asc' }], select: { id: true } });
    const last = all0.at(-1)!.id;
    const [c1, c2] = art.claims;
    await recordVerdict(editor, c1!.id, { rating: 'False', explanation: 'Wrong year.', version: c1!.version });
    await recordVerdict(editor, c2!.id, { rating: 'True', explanation: 'Right.', version: c2!.version });
    const missed = await liveEventsAfter(editor, art.id, last);
    assert.ok(missed);
    assert.ok(!missed.some((e) => e.id === last));
    const verdicts = missed.filter((e) => e.type.startsWith('verdict'));
    assert.deepEqual(verdicts.map((e) => e.target.id).length, 2);
    assert.ok(missed.every((e) => !('before' in e) && !('after' in e)), 'ids and kinds only');
    const times = missed.map((e) => e.at);
    assert.deepEqual(times, [...times].sort(), 'oldest first');
    assert.equal(verdicts.at(-1)?.actorName, 'live-editor@example.com', 'the account has no name: its email');
    // Another article's event id is not a cursor here: the reader is told to reload instead.
    const other = await createArticle(editor, { title: 'Other', text: TEXT });
    const otherEvent = await db().event.findFirst({ where: { articleId: other.id }, select: { id: true } });
    assert.equal(await liveEventsAfter(editor, art.id, otherEvent!.id), null);
    assert.equal(await liveEventsAfter(editor, art.id, 'no-such-event'), null);
  });

  test('opening a stream: 401 without an account, 404 for an unknown article', async () => {
    assert.equal(await statusOf(openLiveStream(null, 'x')), 401);
    assert.equal(await statusOf(openLiveStream(editor, 'no-such-article')), 404);
    assert.equal(await statusOf(liveEventsAfter(null, 'x', 'y')), 401);
  });
});
