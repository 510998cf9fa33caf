import { AppError } from '@/lib/api/errors';
import { exportArticle } from '@/lib/db/exports';
import { exportReviewArchive } from '@/lib/db/review-archive';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/export';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const url = new URL(req.url);
  const format = url.searchParams.get('format') ?? 'html';
  if (format === 'archive') {
    const archive = await exportReviewArchive(actor, id);
    return new Response(archive.body, {
      headers: { 'content-type': archive.contentType, 'content-disposition': `attachment; filename="${archive.filename}"`, 'x-content-type-options': 'nosniff' },
    });
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new AppError('invalid', `Unknown export format "${format}". Use one of: ${[...EXPORT_FORMATS, 'archive'].join(', ')}.`, { format: 'Unsupported.' });
  }
  const out = await exportArticle(actor, id, format as ExportFormat);
  const disposition = url.searchParams.get('download') === '1' ? 'attachment' : 'inline';
  return new Response(out.body, {
    headers: {
      'content-type': out.contentType,
      'content-disposition': `${disposition}; filename="${out.filename}"`,
      // The exported HTML is the newsroom's document, not our app: no scripts may run in it.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'",
      'x-content-type-options': 'nosniff',
      ...(out.hasPublicUrl ? {} : { 'x-factdesk-note': 'No public URL is set for this article, so ClaimReview markup has no url.' }),
    },
  });
});
