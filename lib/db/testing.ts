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

/** Rows in every table a write can touch (and the fields its updates change), including the full-text archive. */
export async function rowCounts(): Promise<Record<string, number>> {
  const d = db();
  const [fts] = await d.$queryRaw<Array<{ n: number | bigint }>>`SELECT count(*) AS n FROM "ArchiveClaimFts"`;
  const versions = await d.claim.aggregate({ _sum: { version: true } });
  return {
    user: await d.user.count(),
    article: await d.article.count(),
    revision: await d.revision.count(),
    claim: await d.claim.count(),
    verdict: await d.verdict.count(),
    source: await d.source.count(),
    sourceRemoved: await d.source.count({ where: { removedAt: { not: null } } }),
    // Updates leave counts alone; every update of a claim bumps its version, and relations change status.
    claimVersions: versions._sum.version ?? 0,
    relation: await d.relation.count(),
    relationConfirmed: await d.relation.count({ where: { status: 'confirmed' } }),
    relationDismissed: await d.relation.count({ where: { status: 'dismissed' } }),
    event: await d.event.count(),
    archive: Number(fts?.n ?? 0),
  };
}
