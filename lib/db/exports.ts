// Builds an export of an article's review and records that it was exported.
import 'server-only';
import { assertCan, type Actor } from '../auth/permissions';
import type { ExportBundle } from '../export/bundle';
import { renderExport, type ExportFormat } from '../export';
import { getArticle } from './articles';
import { db } from './client';
import { recordEvent } from './events';

export async function exportArticle(actor: Actor | null, articleId: string, format: ExportFormat, baseUrl: string) {
  assertCan(actor, 'article:export');
  const article = await getArticle(actor, articleId);
  const bundle: ExportBundle = {
    article: { id: article.id, title: article.title, byline: article.byline, url: `${baseUrl}/articles/${article.id}`, createdAt: article.createdAt },
    text: article.text,
    claims: article.claims,
    publisher: process.env.FACTDESK_PUBLISHER ?? 'Fact-check desk',
    exportedAt: new Date().toISOString(),
  };
  const result = renderExport(bundle, format);
  await db().$transaction(async (tx) => {
    await recordEvent(tx, {
      articleId, actorId: actor.id, type: 'article.exported', targetType: 'article', targetId: articleId,
      after: { format, claims: article.claims.length, reviewed: article.claims.filter((c) => c.verdict).length },
    });
  });
  return result;
}
