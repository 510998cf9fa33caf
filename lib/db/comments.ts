// Comment threads on claims (issue 10 item 5). A comment is never edited or deleted; resolving it is
// a versioned write on its claim (409 when stale). Both write their event in the same transaction.
import 'server-only';
import type { ZodType } from 'zod';
import { AppError, fromZodError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { commentInputSchema, findMentions, resolveInputSchema, type CommentInput } from '../comments/mentions';
import type { CommentDto } from '../comments/dto';
import { hiddenAuthors } from '../double-check/blind';
import { db } from './client';
import { bumpVersion, findClaim, transact } from './claims';
import { recordEvent } from './events';

export type { CommentDto } from '../comments/dto';

function parse<T>(schema: ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

const commentSelect = {
  id: true, claimId: true, body: true, createdAt: true, resolvedAt: true,
  author: { select: { id: true, email: true, name: true } },
  resolvedBy: { select: { email: true, name: true } },
  mentions: { select: { user: { select: { id: true, email: true, name: true } } } },
} as const;

type Person = { email: string; name: string };
const who = (p: Person) => p.name || p.email;

type CommentRow = {
  id: string; claimId: string; body: string; createdAt: Date; resolvedAt: Date | null;
  author: Person & { id: string }; resolvedBy: Person | null; mentions: Array<{ user: Person & { id: string } }>;
};

function toDto(c: CommentRow): CommentDto {
  return {
    id: c.id, claimId: c.claimId, body: c.body, createdAt: c.createdAt.toISOString(),
    author: who(c.author), authorId: c.author.id,
    resolvedAt: c.resolvedAt?.toISOString() ?? null, resolvedBy: c.resolvedBy ? who(c.resolvedBy) : null,
    mentions: c.mentions.map((m) => ({ id: m.user.id, name: who(m.user) })),
  };
}

export async function listComments(actor: Actor | null, claimId: string): Promise<{ comments: CommentDto[]; version: number }> {
  assertCan(actor, 'article:read');
  const claim = await db().claim.findUnique({
    where: { id: claimId },
    select: { version: true, assigneeId: true, secondAssigneeId: true, blindVerdicts: { select: { slot: true } } },
  });
  if (!claim) throw new AppError('not_found', 'No claim with this id. Reload the article: it may have a newer revision.');
  // During a blind double check a reviewer does not read the other reviewer's comments (decision 031).
  const hidden = hiddenAuthors(actor, { ...claim, slotsIn: claim.blindVerdicts.map((b) => b.slot) });
  const rows = await db().comment.findMany({
    where: { claimId, ...(hidden.size ? { authorId: { notIn: [...hidden] } } : {}) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: commentSelect,
  });
  return { comments: rows.map(toDto), version: claim.version };
}

/**
 * Adds a comment. Posting does not take the claim's version: a comment changes nothing anyone could
 * overwrite, and a note typed while a colleague saved a verdict should never be refused.
 */
export async function addComment(actor: Actor | null, claimId: string, input: CommentInput | unknown): Promise<CommentDto> {
  assertCan(actor, 'claim:comment');
  const data = parse(commentInputSchema, input);
  return db().$transaction(async (tx) => {
    const claim = await findClaim(tx, claimId);
    const people = await tx.user.findMany({ where: { deactivatedAt: null }, select: { id: true, name: true, email: true } });
    // Mentioning yourself notifies nobody.
    const mentioned = findMentions(data.body, people).filter((id) => id !== actor.id);
    const comment = await tx.comment.create({
      data: { claimId, articleId: claim.articleId, authorId: actor.id, body: data.body, mentions: { create: mentioned.map((userId) => ({ userId })) } },
      select: commentSelect,
    });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'comment.added', targetType: 'claim', targetId: claimId,
      after: { commentId: comment.id, body: data.body, mentions: comment.mentions.map((m) => who(m.user)) },
    });
    return toDto(comment);
  });
}

export async function resolveComment(actor: Actor | null, commentId: string, input: unknown): Promise<{ comment: CommentDto; version: number }> {
  assertCan(actor, 'claim:comment');
  const data = parse(resolveInputSchema, input);
  // The claim is known only inside; bumpVersion names it, so a stale version answers 409 with it.
  return transact(null, actor, async (tx) => {
    const found = await tx.comment.findUnique({ where: { id: commentId }, select: { claimId: true, resolvedAt: true } });
    if (!found) throw new AppError('not_found', 'No comment with this id.');
    const claim = await findClaim(tx, found.claimId);
    if (found.resolvedAt) throw new AppError('conflict', 'This comment is already resolved, perhaps by a colleague. Reload to see the thread.');
    const version = await bumpVersion(tx, claim.id, data.version, {});
    const comment = await tx.comment.update({
      where: { id: commentId }, data: { resolvedAt: new Date(), resolvedById: actor.id }, select: commentSelect,
    });
    await recordEvent(tx, {
      articleId: claim.articleId, actorId: actor.id, type: 'comment.resolved', targetType: 'claim', targetId: claim.id,
      before: { commentId, resolved: false }, after: { commentId, resolved: true, body: comment.body.slice(0, 200) },
    });
    return { comment: toDto(comment), version };
  });
}
