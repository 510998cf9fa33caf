// Links between claims of one article: suggested by extraction (auto) or added by a reviewer
// (manual). Suggestions stay suggestions until someone confirms or dismisses them.
import 'server-only';
import { AppError, fromZodError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { relationInputSchema, type RelationInput } from '../verdicts/relation-schema';
import { db } from './client';
import { recordEvent } from './events';

export async function addRelation(actor: Actor | null, input: RelationInput | unknown) {
  assertCan(actor, 'claim:review');
  const parsed = relationInputSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { a, b, type, note } = parsed.data;
  if (a === b) throw new AppError('invalid', 'Choose two different claims.', { b: 'Same as the first claim.' });
  return db().$transaction(async (tx) => {
    const claims = await tx.claim.findMany({ where: { id: { in: [a, b] } }, select: { id: true, articleId: true, ordinal: true } });
    if (claims.length !== 2) throw new AppError('not_found', 'One of the claims does not exist. Reload the article.');
    if (claims[0]!.articleId !== claims[1]!.articleId) {
      throw new AppError('invalid', 'Both claims must be in the same article.', { b: 'In another article.' });
    }
    const relation = await tx.relation.create({
      data: { articleId: claims[0]!.articleId, aId: a, bId: b, type, origin: 'manual', status: 'confirmed', note, createdById: actor.id },
      select: { id: true, type: true, origin: true, status: true, aId: true, bId: true, reason: true, note: true },
    });
    const ordinal = (id: string) => claims.find((c) => c.id === id)!.ordinal;
    await recordEvent(tx, {
      articleId: claims[0]!.articleId, actorId: actor.id, type: 'relation.added', targetType: 'relation', targetId: relation.id,
      after: { type, a: ordinal(a), b: ordinal(b), note },
    });
    const { aId, bId, ...rest } = relation;
    return { ...rest, a: aId, b: bId };
  });
}

export async function setRelationStatus(actor: Actor | null, id: string, status: 'confirmed' | 'dismissed') {
  assertCan(actor, 'claim:review');
  return db().$transaction(async (tx) => {
    const relation = await tx.relation.findUnique({ where: { id }, select: { id: true, articleId: true, status: true, type: true, reason: true } });
    if (!relation) throw new AppError('not_found', 'No such link between claims. Reload the article.');
    // Only a change from the state the reviewer saw is accepted, so two reviewers cannot flip it silently.
    const { count } = await tx.relation.updateMany({ where: { id, status: { not: status } }, data: { status } });
    if (count === 0) throw new AppError('conflict', `This link is already ${status}.`);
    await recordEvent(tx, {
      articleId: relation.articleId, actorId: actor.id, type: status === 'confirmed' ? 'relation.confirmed' : 'relation.dismissed',
      targetType: 'relation', targetId: id, before: { status: relation.status }, after: { status, type: relation.type, reason: relation.reason },
    });
    return { id, status };
  });
}
