// GET /api/articles/:id answered from a per-process cache while the article is unchanged (issue 13).
// Every read still asks the database one small question (how many history events the article has)
// so that a write through any server instance is seen at once by every other instance.
import 'server-only';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unsafeTextProblem } from '../api/input-safety';
import { assertCan, type Actor } from '../auth/permissions';
import { etagFor } from '../read-cache/etag';
import { VersionedCache } from '../read-cache/versioned-cache';
import { viewerKey } from '../read-cache/viewer';
import { getArticle } from './articles';
import { db } from './client';

/**
 * The article's read version: the number of its history events and the newest one's id. Every
 * change to anything getArticle returns writes an Event row with the article's id in the same
 * transaction (the history rule, docs/ARCHITECTURE.md), and events are never updated or deleted, so
 * the count grows with every committed change. The newest id is there because Prisma's SQLite
 * adapter runs reads on the same connection as an open transaction: a read can count an event that
 * is then rolled back, and the next committed change would bring the same count back with other
 * content; its event has another id. Two index lookups on Event(articleId, at). "0" when the
 * article has no history, which means no such article.
 */
export async function articleReadVersion(actor: Actor | null, articleId: string): Promise<string> {
  assertCan(actor, 'article:read');
  // An id no table can hold (a NUL from the URL) names no article: 0, and getArticle's 404 follows.
  if (unsafeTextProblem(articleId)) return '0';
  // The verdict scale's version too: a renamed or recoloured rating changes every article's JSON
  // without writing to any article's history (decision 032).
  const [row] = await db().$queryRaw<Array<{ n: number | bigint; last: string | null; scale: number | bigint | null }>>`SELECT
    (SELECT count(*) FROM "Event" WHERE "articleId" = ${articleId}) AS "n",
    (SELECT "id" FROM "Event" WHERE "articleId" = ${articleId} ORDER BY "at" DESC, "id" DESC LIMIT 1) AS "last",
    (SELECT "version" FROM "VerdictScale" WHERE "id" = 1) AS "scale"`;
  const n = Number(row?.n ?? 0);
  return n === 0 ? '0' : `${n}.${row?.last ?? ''}.${Number(row?.scale ?? 0)}`;
}

/** How many events the article's history holds, from its read version. */
export const eventCount = (version: string): number => Number.parseInt(version, 10);
/** The verdict scale's version a read version was taken at. */
const scaleVersion = (version: string): number => Number(version.split('.').at(-1) ?? 0);

// A new build may shape the JSON differently for the same data, so the build is part of every tag.
let build: string | undefined;
function buildId(): string {
  if (build === undefined) {
    try { build = readFileSync(join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim(); } catch { build = 'dev'; }
  }
  return build;
}

export type ArticleRead = { etag: string; version: string };

/** The ETag this viewer's copy of the article has now: one small query, no article read. */
export async function articleEtag(actor: Actor | null, articleId: string): Promise<ArticleRead> {
  const version = await articleReadVersion(actor, articleId);
  return { version, etag: etagFor('article', articleId, version, viewerKey(actor!), buildId()) };
}

// Bodies up to 64 MB in all (a 5,000-claim article is a few MB); least recently read go first.
const bodies = new VersionedCache<string>(64 * 1024 * 1024);
const newer = (a: string, b: string) => eventCount(a) > eventCount(b) || (eventCount(a) === eventCount(b) && scaleVersion(a) > scaleVersion(b));

/**
 * The article's JSON as this viewer reads it at `read.version`. Cached per viewer (role and id,
 * lib/read-cache/viewer.ts), never shared between viewers. The body may be a little newer than the
 * version it is filed under (a write can commit between the count and the read), never older: a
 * newer version means a new count, so a stale body is never served for it.
 */
export async function articleBody(actor: Actor | null, articleId: string, read: ArticleRead): Promise<string> {
  const key = `${articleId}\u0000${viewerKey(actor!)}`;
  const hit = bodies.get(key, read.version);
  if (hit !== undefined) return hit;
  const body = JSON.stringify(await getArticle(actor, articleId));
  bodies.set(key, read.version, body, body.length * 2, newer);
  return body;
}
