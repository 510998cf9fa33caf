// Reading the desk's corrections of the extraction back out of the history, as labelled data for
// `claims --export-feedback` (lib/claims/feedback.ts). An operator command on the server's own
// database, like `user create`: it runs without a session and exports no names, only words and spans.
import 'server-only';
import { eventToFeedback, FEEDBACK_EVENT_TYPES, type FeedbackRecord } from '../claims/feedback';
import { db } from './client';

const PAGE = 500;

/** Every labelled span, oldest first, a page of events at a time so a long history never sits in memory. */
export async function* listEditFeedbackAsOperator(): AsyncGenerator<FeedbackRecord> {
  let cursor: string | undefined;
  for (;;) {
    const events = await db().event.findMany({
      where: { type: { in: [...FEEDBACK_EVENT_TYPES] } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: PAGE,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: { id: true, type: true, at: true, articleId: true, targetId: true, after: true },
    });
    for (const e of events) {
      yield* eventToFeedback({
        type: e.type, at: e.at.toISOString(), articleId: e.articleId, targetId: e.targetId,
        after: e.after === null ? null : (JSON.parse(e.after) as unknown),
      });
    }
    if (events.length < PAGE) return;
    cursor = events[events.length - 1]!.id;
  }
}
