// Called by the history writer (lib/db/events.ts) inside the change's transaction.
import { hub } from './hub';
import { brokerKind, CHANNEL, encodeMessage } from './protocol';

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
  hub().publishEvent(articleId, eventId).catch((e: unknown) => console.error(`live updates: publish failed: ${(e as Error).message?.split('\n')[0]?.slice(0, 200)}`));
}
