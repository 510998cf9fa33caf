// The article's status follows its review (PRODUCT.md): draft -> in_review at the first review
// action; verified -> back to in_review whenever anything under the verification changes (a verdict,
// a source, a dismissal, a new draft), because the gate was passed on a state that no longer holds.
// Always called inside the transaction of the change.
import { AppError } from '../api/errors';
import type { Tx } from './client';
import { recordEvent } from './events';

export async function noteReviewChange(tx: Tx, articleId: string, actorId: string, cause: string): Promise<void> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { status: true, overrideReason: true } });
  if (!article) throw new AppError('not_found', 'No article with this id.');
  if (article.status === 'in_review') return;
  await tx.article.update({
    where: { id: articleId },
    data: { status: 'in_review', verifiedAt: null, verifiedRevision: null, overrideReason: null },
  });
  if (article.status === 'verified' || article.status === 'exported') {
    await recordEvent(tx, {
      articleId, actorId, type: 'article.unverified', targetType: 'article', targetId: articleId,
      before: { status: article.status, overrideReason: article.overrideReason }, after: { status: 'in_review', cause },
    });
  }
}
