// Links between claims of one article: suggested by extraction (auto) or added by a reviewer
// (manual). Suggestions stay suggestions until someone confirms or dismisses them.
import 'server-only';
import { AppError, fromZodError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { relationInputSchema, type RelationInput } from '../verdicts/relation-schema';
import { relationStatusInputSchema } from '../review-status/schema';
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
      select: { id: true, type: true, origin: true, status: true, aId: true, bId: true, reason: true, note: true, version: true },
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

const relationSelect = { id: true, type: true, origin: true, status: true, aId: true, bId: true, reason: true, note: true, version: true } as const;

export async function setRelationStatus(actor: Actor | null, id: string, status: 'confirmed' | 'dismissed', input: { version: number } | unknown) {
  assertCan(actor, 'claim:review');
  const parsed = relationStatusInputSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { version } = parsed.data;
  return db().$transaction(async (tx) => {
    const relation = await tx.relation.findUnique({ where: { id }, select: { id: true, articleId: true, status: true, type: true, reason: true } });
    if (!relation) throw new AppError('not_found', 'No such link between claims. Reload the article.');
    // Only a change from the version the reviewer saw is accepted, so two reviewers cannot flip it
    // silently; the 409 carries the link as it is now, for the screen to show beside the click.
    if (relation.status === status) throw new AppError('conflict', `This link is already ${status}.`);
    const { count } = await tx.relation.updateMany({ where: { id, version }, data: { status, version: { increment: 1 } } });
    if (count === 0) {
      const now = await tx.relation.findUnique({ where: { id }, select: relationSelect });
      const current = now && (({ aId, bId, ...r }) => ({ ...r, a: aId, b: bId }))(now);
      throw new AppError('conflict', `Someone else changed this link while you were looking at it: it is now ${now?.status ?? 'gone'}.`, undefined, { current });
    }
    await recordEvent(tx, {
      articleId: relation.articleId, actorId: actor.id, type: status === 'confirmed' ? 'relation.confirmed' : 'relation.dismissed',
      targetType: 'relation', targetId: id, before: { status: relation.status }, after: { status, type: relation.type, reason: relation.reason },
    });
    return { id, status, version: version + 1 };
  });
}
