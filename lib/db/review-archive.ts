// Exporting an article's whole review as one archive document, and importing one into this install
// (docs/decisions/013-review-archive.md). Not to be confused with ./archive.ts, the "checked before"
// search over earlier reviews. The document itself and every check on it live in
// lib/review-archive/schema.ts; this file only reads and writes rows.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../api/errors';
import { hashPassword } from '../auth/password';
import { assertCan, type Actor } from '../auth/permissions';
import {
  archiveAccounts, buildReviewArchive, checkRatings, parseReviewArchive, serializeReviewArchive, throwProblems, toImportRows,
  type ArchiveSnapshot, type ReviewArchive,
} from '../review-archive/schema';
import { db, isPostgresUrl, DEFAULT_DATABASE_URL, type Db, type Tx } from './client';
import { indexReviewedClaim } from './archive';
import { recordEvent } from './events';
import { loadScale } from './verdict-scale';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());
/** Rows per INSERT: well under SQLite's bound-parameter limit for the widest table (Claim, 27 columns). */
const CHUNK = 500;

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += CHUNK) yield rows.slice(i, i + CHUNK);
}

async function readSnapshot(tx: Tx, articleId: string): Promise<ArchiveSnapshot> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      id: true, title: true, byline: true, sourceFormat: true, status: true, publicUrl: true, verifiedAt: true,
      verifiedRevision: true, overrideReason: true, correctionsNote: true, approvalRequired: true, createdById: true, createdAt: true,
    },
  });
  if (!article) throw new AppError('not_found', 'No article with this id. It may have been removed, or the link is wrong.');
  // The archive carries no blind ratings or pairs (decision 031): a check in progress would arrive
  // as a claim with one reviewer's sources and neither rating, so it is refused until resolved.
  const checking = await tx.claim.count({ where: { articleId, secondAssigneeId: { not: null } } });
  if (checking > 0) {
    throw new AppError('conflict', `${checking === 1 ? '1 claim of this article is' : `${checking} claims of this article are`} being double-checked. Resolve ${checking === 1 ? 'it' : 'them'} (or remove the second reviewer) before exporting the review archive: it does not carry blind ratings, so the check would be lost.`);
  }
  const [revisions, claims, verdicts, sources, relations, comments, events] = await Promise.all([
    tx.revision.findMany({ where: { articleId }, select: { id: true, number: true, format: true, text: true, createdById: true, createdAt: true } }),
    tx.claim.findMany({
      where: { articleId },
      select: {
        id: true, revisionId: true, ordinal: true, start: true, end: true, quote: true, text: true, contextBefore: true,
        contextAfter: true, type: true, score: true, checkworthy: true, flags: true, entities: true, numbers: true,
        antecedent: true, status: true, dismissReason: true, speaker: true, speakerType: true, stale: true,
        previousQuote: true, archivedAt: true, version: true, approvedVerdictId: true, createdAt: true,
      },
    }),
    tx.verdict.findMany({
      where: { claim: { articleId } },
      select: {
        id: true, claimId: true, rating: true, explanation: true, correction: true, correctionStatus: true,
        correctionDecidedAt: true, revisionNumber: true, authorId: true, approvedAt: true, createdAt: true,
      },
    }),
    tx.source.findMany({
      where: { claim: { articleId } },
      select: {
        id: true, claimId: true, url: true, title: true, publisher: true, quote: true, stance: true, accessedAt: true,
        createdById: true, createdAt: true, removedAt: true,
      },
    }),
    tx.relation.findMany({
      where: { articleId },
      select: { id: true, aId: true, bId: true, type: true, origin: true, status: true, reason: true, note: true, createdById: true, createdAt: true },
    }),
    tx.comment.findMany({
      where: { articleId },
      select: { id: true, claimId: true, authorId: true, body: true, resolvedAt: true, resolvedById: true, createdAt: true, mentions: { select: { userId: true } } },
    }),
    tx.event.findMany({
      where: { articleId },
      select: { id: true, actorId: true, type: true, targetType: true, targetId: true, before: true, after: true, at: true },
    }),
  ]);
  const userIds = new Set<string>([article.createdById]);
  for (const r of revisions) userIds.add(r.createdById);
  for (const v of verdicts) userIds.add(v.authorId);
  for (const s of sources) userIds.add(s.createdById);
  for (const r of relations) if (r.createdById) userIds.add(r.createdById);
  for (const c of comments) {
    userIds.add(c.authorId);
    if (c.resolvedById) userIds.add(c.resolvedById);
    for (const m of c.mentions) userIds.add(m.userId);
  }
  for (const e of events) {
    if (e.actorId) userIds.add(e.actorId);
    if (e.targetType === 'user') userIds.add(e.targetId);
  }
  // Payloads may name accounts by id (an assignment, say): load every account whose id appears there.
  const own = new Set<string>([articleId, ...revisions.map((r) => r.id), ...claims.map((c) => c.id), ...verdicts.map((v) => v.id), ...sources.map((s) => s.id), ...relations.map((r) => r.id), ...comments.map((c) => c.id)]);
  const payloadIds = new Set<string>();
  for (const e of events) {
    for (const text of [e.before, e.after]) {
      for (const m of text?.matchAll(/"([a-z0-9-]{20,40})"/g) ?? []) if (!own.has(m[1]!)) payloadIds.add(m[1]!);
    }
  }
  const users = await tx.user.findMany({
    where: { id: { in: [...new Set([...userIds, ...payloadIds])] } },
    select: { id: true, email: true, name: true },
  });
  return {
    article: { ...article, verifiedAt: isoOrNull(article.verifiedAt), createdAt: iso(article.createdAt) },
    users,
    revisions: revisions.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    claims: claims.map((c) => ({ ...c, archivedAt: isoOrNull(c.archivedAt), createdAt: iso(c.createdAt) })),
    verdicts: verdicts.map((v) => ({ ...v, correctionDecidedAt: isoOrNull(v.correctionDecidedAt), approvedAt: isoOrNull(v.approvedAt), createdAt: iso(v.createdAt) })),
    sources: sources.map((s) => ({ ...s, accessedAt: iso(s.accessedAt), createdAt: iso(s.createdAt), removedAt: isoOrNull(s.removedAt) })),
    relations: relations.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    comments: comments.map(({ mentions, ...c }) => ({ ...c, mentionIds: mentions.map((m) => m.userId), resolvedAt: isoOrNull(c.resolvedAt), createdAt: iso(c.createdAt) })),
    events: events.map((e) => ({ ...e, at: iso(e.at) })),
  };
}

function isPostgresClient(): boolean {
  return isPostgresUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
}

export type ArchiveExport = { document: ReviewArchive; body: string; contentType: string; filename: string };

/**
 * The whole review as one archive document. Read in one transaction (repeatable read on
 * PostgreSQL; SQLite transactions are serializable) so a verdict saved meanwhile is either in the
 * archive with its event or not at all. The export itself is recorded afterwards, so it is not in
 * the document it describes.
 */
export async function exportReviewArchive(actor: Actor | null, articleId: string, client: Db = db()): Promise<ArchiveExport> {
  assertCan(actor, 'article:export');
  return writeArchive(actor.id, articleId, client);
}

/** For operators (`npm run archive -- export`): no session, the shell is the authority. */
export function exportReviewArchiveAsOperator(articleId: string, client: Db = db()): Promise<ArchiveExport> {
  return writeArchive(null, articleId, client);
}

async function writeArchive(actorId: string | null, articleId: string, client: Db): Promise<ArchiveExport> {
  // Db is typed as the SQLite client, whose only level is Serializable; PostgreSQL's takes RepeatableRead.
  const isolation = (isPostgresClient() ? { isolationLevel: 'RepeatableRead' } : {}) as { isolationLevel?: 'Serializable' };
  const snapshot = await client.$transaction((tx) => readSnapshot(tx, articleId), { timeout: 60_000, ...isolation });
  const document = buildReviewArchive(snapshot, new Date().toISOString());
  const body = serializeReviewArchive(document);
  await client.$transaction(async (tx) => {
    await recordEvent(tx, {
      articleId, actorId, type: 'article.exported', targetType: 'article', targetId: articleId,
      after: { format: 'archive', claims: document.claims.length, events: document.events.length, bytes: Buffer.byteLength(body) },
    });
  });
  const slug = document.article.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'article';
  return { document, body, contentType: 'application/json; charset=utf-8', filename: `${slug}.factdesk-archive.json` };
}

/** Imports an archive (its JSON text) as a new article; admin only. */
export async function importReviewArchive(actor: Actor | null, text: string, client: Db = db()): Promise<{ id: string }> {
  assertCan(actor, 'archive:import');
  return importArchive(actor.id, text, client);
}

/** For operators (`npm run archive -- import FILE`). */
export function importReviewArchiveAsOperator(text: string, client: Db = db()): Promise<{ id: string }> {
  return importArchive(null, text, client);
}

async function importArchive(actorId: string | null, text: string, client: Db): Promise<{ id: string }> {
  // Every check runs before the transaction: a refused archive writes nothing.
  const doc = parseReviewArchive(text);
  // Against the scale of the database it goes into: a desk's own entries (decision 032) are fine.
  throwProblems(checkRatings(doc, (await loadScale(client)).entries));
  const wanted = archiveAccounts(doc);
  const existing = await client.user.findMany({ where: { email: { in: wanted.map((a) => a.email) } }, select: { email: true } });
  const known = new Set(existing.map((u) => u.email));
  // Accounts that are not on this install are created so the history keeps its people, but nobody
  // can sign in as them: the password is random, hashed, and never shown. Hashed before the
  // transaction because bcrypt is slow on purpose and SQLite holds its write lock until commit.
  const missing = await Promise.all(
    wanted.filter((a) => !known.has(a.email)).map(async (a) => ({ ...a, passwordHash: await hashPassword(randomBytes(32).toString('base64url')) })),
  );

  try {
    return await client.$transaction(async (tx) => {
      const accountIds = new Map<string, string>();
      const created: string[] = [];
      for (const a of missing) {
        // Another request may have created it since we looked; then it is matched like any other.
        const found = await tx.user.findUnique({ where: { email: a.email }, select: { id: true } });
        if (found) continue;
        // Deactivated as well as unguessable: an admin reactivates the person if they join this desk.
        const user = await tx.user.create({
          data: { email: a.email, name: a.name, passwordHash: a.passwordHash, role: 'reviewer', deactivatedAt: new Date() },
          select: { id: true },
        });
        created.push(a.email);
        await recordEvent(tx, {
          actorId, type: 'account.created', targetType: 'user', targetId: user.id,
          after: { email: a.email, role: 'reviewer', via: 'archive import', canSignIn: false },
        });
      }
      const users = await tx.user.findMany({ where: { email: { in: wanted.map((a) => a.email) } }, select: { id: true, email: true } });
      for (const u of users) accountIds.set(u.email, u.id);

      const rows = toImportRows(doc, () => uuidv7(), (email) => {
        const id = accountIds.get(email);
        if (!id) throw new Error('archive import: an account vanished during the import');
        return id;
      });
      await tx.article.create({ data: rows.article });
      await tx.revision.createMany({ data: rows.revisions });
      for (const data of chunks(rows.claims)) await tx.claim.createMany({ data });
      for (const data of chunks(rows.verdicts)) await tx.verdict.createMany({ data });
      for (const a of rows.approvals) await tx.claim.update({ where: { id: a.claimId }, data: { approvedVerdictId: a.verdictId } });
      for (const data of chunks(rows.sources)) await tx.source.createMany({ data });
      for (const data of chunks(rows.relations)) await tx.relation.createMany({ data });
      for (const data of chunks(rows.comments)) await tx.comment.createMany({ data });
      for (const data of chunks(rows.mentions)) await tx.commentMention.createMany({ data });
      // Inserted in document order with ids issued in that order: events sharing a millisecond
      // keep their order in the history, which sorts by (at, id).
      for (const data of chunks(rows.events)) await tx.event.createMany({ data });
      for (const c of rows.reviewed) await indexReviewedClaim(tx, c.id, c.text);
      await recordEvent(tx, {
        articleId: rows.article.id, actorId, type: 'article.imported', targetType: 'article', targetId: rows.article.id,
        after: {
          format: doc.format, version: doc.version, exportedAt: doc.exportedAt,
          revisions: rows.revisions.length, claims: rows.claims.length, verdicts: rows.verdicts.length, sources: rows.sources.length,
          relations: rows.relations.length, comments: rows.comments.length, events: rows.events.length, accountsCreated: created,
        },
      });
      return { id: rows.article.id };
    }, { timeout: 120_000, maxWait: 10_000 });
  } catch (e) {
    if ((e as { code?: string }).code === 'P2002') {
      throw new AppError('conflict', 'Someone created one of the archive\'s accounts at the same moment. Nothing was imported; import the archive again.');
    }
    throw e;
  }
}
