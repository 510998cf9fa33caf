// Helpers shared by the integration tests (*.itest.ts): nothing here runs in the app.
import { AppError } from '../api/errors';
import { db } from './client';

/** 200 for success, the AppError's status for a refusal; anything else is a bug and is rethrown. */
export async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof AppError) return e.status;
    throw e;
  }
}

/**
 * Rows in every table a write can touch, including the full-text archive, and the columns its
 * updates change (every claim update bumps `version`; sources and relations change state). One
 * statement, identical on both engines, so the fuzz test can afford it around every call.
 */
export async function rowCounts(): Promise<Record<string, number>> {
  const [row] = await db().$queryRawUnsafe<Array<Record<string, number | bigint | null>>>(`SELECT
    (SELECT count(*) FROM "User") AS "user",
    (SELECT count(*) FROM "Article") AS "article",
    (SELECT count(*) FROM "Revision") AS "revision",
    (SELECT count(*) FROM "Claim") AS "claim",
    (SELECT coalesce(sum("version"), 0) FROM "Claim") AS "claimVersions",
    (SELECT count(*) FROM "Verdict") AS "verdict",
    (SELECT count(*) FROM "Source") AS "source",
    (SELECT count(*) FROM "Source" WHERE "removedAt" IS NOT NULL) AS "sourceRemoved",
    (SELECT count(*) FROM "Relation") AS "relation",
    (SELECT count(*) FROM "Relation" WHERE "status" = 'confirmed') AS "relationConfirmed",
    (SELECT count(*) FROM "Relation" WHERE "status" = 'dismissed') AS "relationDismissed",
    (SELECT coalesce(sum("version"), 0) FROM "Relation") AS "relationVersions",
    (SELECT count(*) FROM "Event") AS "event",
    (SELECT count(*) FROM "ArchiveClaimFts") AS "archive",
    (SELECT count(*) FROM "Comment") AS "comment",
    (SELECT count(*) FROM "Comment" WHERE "resolvedAt" IS NOT NULL) AS "commentResolved",
    (SELECT count(*) FROM "CommentMention") AS "mention",
    (SELECT count(*) FROM "Claim" WHERE "assigneeId" IS NOT NULL) AS "claimAssigned"`);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v ?? 0)]));
}

/** The claim's version as a person who just opened it would send it. */
export async function claimVersion(id: string): Promise<number> {
  return (await db().claim.findUnique({ where: { id }, select: { version: true } }))?.version ?? 1;
}

/** The link's version as a person who just opened the claim would send it. */
export async function relationVersion(id: string): Promise<number> {
  return (await db().relation.findUnique({ where: { id }, select: { version: true } }))?.version ?? 1;
}
