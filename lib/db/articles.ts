// Articles, their first revision and their extracted claims.
import 'server-only';
import { AppError, fromZodError } from '../api/errors';
import { assertCan, type Actor } from '../auth/permissions';
import { extractClaimsOffThread } from '../extraction-pool';
import { assertArticleText, htmlToText, type SourceFormat } from '../ingest/to-text';
import { articleInputSchema, type ArticleInput } from '../ingest/schema';
import { db } from './client';
import { recordEvent } from './events';
import type { RelationDto } from '../claims/dto';
import type { ScaleEntry } from '../verdicts/scale';
import { loadScale } from './verdict-scale';
import { claimSelect, currentClaimsWhere, toClaimDto, type ClaimDto } from './claim-dto';
import { MERGED, NOT_A_CLAIM } from '../claims/edit-schema';

export type ArticleSummary = {
  id: string;
  title: string;
  byline: string;
  status: string;
  createdAt: string;
  claims: number;
  reviewed: number;
  dismissed: number;
  open: number;
  /** Claims per review status, for the progress bar (issue 10 item 8). */
  byStatus: Record<ClaimStatusCount, number>;
};

export type ClaimStatusCount = 'open' | 'in_review' | 'reviewed' | 'approved' | 'dismissed';

export type { RelationDto } from '../claims/dto';

export type RevisionSummary = { id: string; number: number; format: string; createdAt: string; createdBy: string };

/** A claim whose sentence was removed by a later draft: kept, with its last review, for the record. */
export type ArchivedClaimDto = { id: string; ordinal: number; quote: string; revision: number; archivedAt: string; publicState: ClaimDto['publicState'] };

export type ArticleDto = {
  id: string;
  title: string;
  byline: string;
  status: string;
  sourceFormat: string;
  createdAt: string;
  publicUrl: string | null;
  verification: { verifiedAt: string | null; revision: number | null; overrideReason: string | null };
  /** The editor's wording of the corrections note; null while it is drafted from history. */
  correctionsNote: string | null;
  /** The reviewer the whole article was last assigned to (issue 10), if any. */
  defaultAssigneeId: string | null;
  /** Verdicts wait for an editor's approval before they are published (decision 018). */
  approvalRequired: boolean;
  /** Each claim may get two independent, blind verdicts (decision 031). */
  doubleCheck: boolean;
  revision: { id: string; number: number; createdAt: string };
  revisions: RevisionSummary[];
  text: string;
  claims: ClaimDto[];
  /** The configured verdict scale in order (decision 032): the rating choices, legend and colours. */
  verdictScale: ScaleEntry[];
  archived: ArchivedClaimDto[];
  relations: RelationDto[];
};

export const CONTEXT_CHARS = 60;

/**
 * Browsers send pasted text with CRLF line ends (form encoding); one line-end convention keeps the
 * offsets, the re-anchoring across drafts and the Markdown exports consistent.
 */
export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Loads a draft: stores the text verbatim as revision 1, extracts and stores its claims. */
export async function createArticle(
  actor: Actor | null,
  input: ArticleInput | unknown,
  /** Set when the text came from an uploaded .docx (already converted to text). */
  uploadedFormat?: SourceFormat,
): Promise<{ id: string; claims: ClaimDto[] }> {
  assertCan(actor, 'article:create');
  const raw = input as Partial<ArticleInput> | null;
  if (typeof raw?.text === 'string') assertArticleText(raw.text);
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const sourceFormat: SourceFormat = uploadedFormat ?? parsed.data.format;
  const text = normaliseLineEnds(sourceFormat === 'html' ? htmlToText(parsed.data.text) : parsed.data.text);
  assertArticleText(text);
  // Extraction runs before the transaction: it is pure and can take a moment on long drafts, and
  // SQLite holds its write lock for the whole transaction.
  const extraction = await extractClaimsOffThread(text);
  const id = await db().$transaction(async (tx) => {
    const article = await tx.article.create({
      data: { title: parsed.data.title, byline: parsed.data.byline, sourceFormat, status: 'draft', createdById: actor.id },
      select: { id: true },
    });
    const revision = await tx.revision.create({
      data: { articleId: article.id, number: 1, text, format: sourceFormat, createdById: actor.id },
      select: { id: true },
    });
    await tx.claim.createMany({
      data: extraction.claims.map((c, i) => ({
        articleId: article.id,
        revisionId: revision.id,
        ordinal: i + 1,
        start: c.start,
        end: c.end,
        quote: c.quote,
        text: c.text,
        contextBefore: text.slice(Math.max(0, c.start - CONTEXT_CHARS), c.start),
        contextAfter: text.slice(c.end, c.end + CONTEXT_CHARS),
        type: c.type,
        score: c.score,
        checkworthy: c.checkworthy,
        flags: JSON.stringify(c.flags),
        entities: JSON.stringify(c.entities),
        numbers: JSON.stringify(c.numbers),
        antecedent: c.antecedent ?? null,
      })),
    });
    if (extraction.relations.length) {
      const stored = await tx.claim.findMany({ where: { articleId: article.id }, select: { id: true, ordinal: true } });
      const byOrdinal = new Map(stored.map((c) => [`c${c.ordinal}`, c.id]));
      await tx.relation.createMany({
        data: extraction.relations.map((r) => ({
          articleId: article.id,
          aId: byOrdinal.get(r.a)!,
          bId: byOrdinal.get(r.b)!,
          type: r.type,
          origin: 'auto',
          status: 'suggested',
          reason: r.reason,
        })),
      });
    }
    await recordEvent(tx, {
      articleId: article.id, actorId: actor.id, type: 'article.loaded', targetType: 'article', targetId: article.id,
      after: { title: parsed.data.title, byline: parsed.data.byline, sourceFormat, revision: 1, characters: text.length },
    });
    await recordEvent(tx, {
      articleId: article.id, actorId: actor.id, type: 'claims.extracted', targetType: 'article', targetId: article.id,
      after: { claims: extraction.claims.length, relations: extraction.relations.length },
    });
    return article.id;
  }, { timeout: 30_000 });
  const article = await getArticle(actor, id);
  return { id, claims: article.claims };
}

export async function listArticles(actor: Actor | null): Promise<ArticleSummary[]> {
  assertCan(actor, 'article:read');
  const [articles, counts] = await Promise.all([
    db().article.findMany({
      select: { id: true, title: true, byline: true, status: true, createdAt: true },
      orderBy: { createdAt: 'desc' },
      take: 500,
    }),
    db().claim.groupBy({ by: ['articleId', 'status'], where: { archivedAt: null }, _count: { _all: true } }),
  ]);
  return articles.map((a) => {
    const mine = counts.filter((c) => c.articleId === a.id);
    const n = (statuses: string[]) => mine.filter((c) => statuses.includes(c.status)).reduce((s, c) => s + c._count._all, 0);
    return {
      ...a,
      createdAt: a.createdAt.toISOString(),
      claims: n(['open', 'in_review', 'reviewed', 'approved', 'dismissed']),
      reviewed: n(['reviewed', 'approved']),
      dismissed: n(['dismissed']),
      open: n(['open', 'in_review']),
      byStatus: { open: n(['open']), in_review: n(['in_review']), reviewed: n(['reviewed']), approved: n(['approved']), dismissed: n(['dismissed']) },
    };
  });
}

export async function getArticle(actor: Actor | null, id: string): Promise<ArticleDto> {
  assertCan(actor, 'article:read');
  const article = await db().article.findUnique({
    where: { id },
    select: {
      id: true, title: true, byline: true, status: true, sourceFormat: true, createdAt: true, publicUrl: true,
      verifiedAt: true, verifiedRevision: true, overrideReason: true, correctionsNote: true, defaultAssigneeId: true, approvalRequired: true, doubleCheck: true,
      revisions: {
        orderBy: { number: 'desc' },
        select: { id: true, number: true, format: true, createdAt: true, createdBy: { select: { email: true, name: true } } },
      },
    },
  });
  const latest = article?.revisions[0];
  if (!article || !latest) throw new AppError('not_found', 'No article with this id. It may have been removed, or the link is wrong.');
  const [revision, claims, archived, relations, scale] = await Promise.all([
    db().revision.findUniqueOrThrow({ where: { id: latest.id }, select: { id: true, number: true, createdAt: true, text: true } }),
    // Claims move forward with each draft; only archived ones stay on an older revision.
    db().claim.findMany({ where: currentClaimsWhere(latest.id), orderBy: { ordinal: 'asc' }, select: claimSelect }),
    // Merged claims are archived too, but their words are still in the text; a not-a-claim span never was a claim.
    db().claim.findMany({ where: { articleId: id, archivedAt: { not: null }, status: { notIn: [MERGED, NOT_A_CLAIM] } }, orderBy: { archivedAt: 'asc' }, select: { ...claimSelect, archivedAt: true, revision: { select: { number: true } } } }),
    db().relation.findMany({
      where: { articleId: id },
      // Automatic links are inserted surest first (findRelations' order); ids break createdAt ties in
      // insertion order (cuids count up), so the review screen lists them that way.
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, type: true, origin: true, status: true, aId: true, bId: true, reason: true, note: true, version: true },
    }),
    loadScale(),
  ]);
  const shown = new Set(claims.map((c) => c.id));
  return {
    id: article.id,
    title: article.title,
    byline: article.byline,
    status: article.status,
    sourceFormat: article.sourceFormat,
    createdAt: article.createdAt.toISOString(),
    publicUrl: article.publicUrl,
    verification: { verifiedAt: article.verifiedAt?.toISOString() ?? null, revision: article.verifiedRevision, overrideReason: article.overrideReason },
    correctionsNote: article.correctionsNote,
    defaultAssigneeId: article.defaultAssigneeId,
    approvalRequired: article.approvalRequired,
    doubleCheck: article.doubleCheck,
    revision: { id: revision.id, number: revision.number, createdAt: revision.createdAt.toISOString() },
    revisions: article.revisions.map((r) => ({
      id: r.id, number: r.number, format: r.format, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy.name || r.createdBy.email,
    })),
    text: revision.text,
    claims: claims.map((c) => toClaimDto(c, actor, scale.entries)),
    verdictScale: scale.entries,
    archived: archived.map((c) => {
      const dto = toClaimDto(c, actor, scale.entries);
      return { id: c.id, ordinal: c.ordinal, quote: c.quote, revision: c.revision.number, archivedAt: c.archivedAt!.toISOString(), publicState: dto.publicState };
    }),
    // Only links between claims the reader can see: one end may be archived, merged or not a claim.
    relations: relations.filter((r) => shown.has(r.aId) && shown.has(r.bId)).map(({ aId, bId, ...r }) => ({ ...r, a: aId, b: bId })),
  };
}
