// Writes one history event. Always called with the transaction of the change it records, so the
// change and its history commit or fail together. There is deliberately no update or delete here.
import type { EventType } from '../history/events';
import { announceEvent } from '../realtime/announce';
import type { Tx } from './client';

export type NewEvent = {
  articleId?: string | null;
  actorId: string | null;
  type: EventType;
  targetType: 'article' | 'claim' | 'source' | 'verdict' | 'user' | 'relation' | 'revision' | 'verdict-scale';
  targetId: string;
  before?: unknown;
  after?: unknown;
};

export async function recordEvent(tx: Tx, e: NewEvent): Promise<void> {
  const { id } = await tx.event.create({
    select: { id: true },
    data: {
      articleId: e.articleId ?? null,
      actorId: e.actorId,
      type: e.type,
      targetType: e.targetType,
      targetId: e.targetId,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    },
  });
  // Everyone with the article open hears of it (decision 022); only ids leave the transaction.
  if (e.articleId) await announceEvent(tx, e.articleId, id);
}
