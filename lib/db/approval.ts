// The article's approval setting (decision 018): on by default, so every verdict waits for a second
// person; a desk without a second editor switches it off per article, openly and in history.
import 'server-only';
import { AppError, fromZodError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { approvalSettingSchema } from '../review-status/schema';
import { noteReviewChange } from './article-status';
import { db } from './client';
import { recordEvent } from './events';

export async function setApprovalRequired(actor: Actor | null, articleId: string, input: unknown) {
  assertCan(actor, 'claim:approve');
  const parsed = approvalSettingSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { approvalRequired } = parsed.data;
  return db().$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { approvalRequired: true } });
    if (!article) throw new AppError('not_found', 'No article with this id.');
    if (article.approvalRequired === approvalRequired) return { id: articleId, approvalRequired };
    await tx.article.update({ where: { id: articleId }, data: { approvalRequired } });
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'article.approval-set', targetType: 'article', targetId: articleId,
      before: { approvalRequired: article.approvalRequired }, after: { approvalRequired },
    });
    // What the article publishes changed, so a verified article goes back to review.
    await noteReviewChange(tx, articleId, actor.id, 'approval setting changed');
    return { id: articleId, approvalRequired };
  });
}
