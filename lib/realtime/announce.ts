// Called by the history writer (lib/db/events.ts) inside the change's transaction.
import { hub } from './hub';
import { brokerKind, CHANNEL, encodeMessage } from './protocol';

const publishFailed = (e: unknown) => console.error(`live updates: publish failed: ${(e as Error).message?.split('\n')[0]?.slice(0, 200)}`);

type RawTx = { $executeRaw(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<number> };

export async function announceEvent(tx: RawTx, articleId: string, eventId: string): Promise<void> {
  const kind = brokerKind(process.env);
  if (kind === 'postgres') {
    // NOTIFY in the writer's own transaction: PostgreSQL delivers it only if the change commits, and
    // after it has, so every listener can read the row at once.
    await tx.$executeRaw`select pg_notify(${CHANNEL}, ${encodeMessage({ k: 'event', a: articleId, e: eventId })})`;
    return;
  }
  // Only an app server publishes on Redis: a command-line import must not open a connection that
  // keeps it running (nobody is viewing an article it is still creating anyway).
  if (kind === 'redis' && !process.env.NEXT_RUNTIME) return;
  // Fire and forget: a broker outage must not fail the reviewer's save; readers catch up from the
  // history table when they reconnect.
  hub().publishEvent(articleId, eventId).catch(publishFailed);
}

/**
 * A verdict-scale edit is not an article event, yet every open review page shows the scale's names
 * and colours. Called after the edit's transaction has committed (never inside it), so the message
 * cannot overtake the COMMIT on any broker and a rolled-back edit is never announced. A crash
 * between the two loses only the push: pages also compare the scale version on each reconnect.
 */
export async function announceScaleChange(client: RawTx, version: number): Promise<void> {
  const kind = brokerKind(process.env);
  // On PostgreSQL through the caller's own client, like announceEvent: opening the hub's LISTEN
  // connection here would keep a command-line process (or a test file) from ever exiting.
  if (kind === 'postgres') {
    await client.$executeRaw`select pg_notify(${CHANNEL}, ${encodeMessage({ k: 'scale', v: version })})`.then(undefined, publishFailed);
    return;
  }
  if (kind === 'redis' && !process.env.NEXT_RUNTIME) return;
  hub().publishScale(version).catch(publishFailed);
}
