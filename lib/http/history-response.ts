// The history routes' one answer (article and claim timelines): filters from the query, then the
// events as the old `{ events }` body, or as a JSON or CSV download when `format` is given.
import { AppError } from '../api/errors';
import type { Actor } from '../auth/permissions';
import { claimOrdinals, listHistory } from '../db/history';
import { filterEvents, historyCsv, HISTORY_FORMATS, isHistoryKind, type HistoryFormat } from '../history/export';
import { HISTORY_KINDS } from '../history/summary';

export async function historyResponse(req: Request, actor: Actor, articleId: string, claimId?: string): Promise<Response> {
  const q = new URL(req.url).searchParams;
  const format = q.get('format');
  const kind = q.get('kind') || undefined;
  const actorFilter = q.get('actor') || undefined;
  if (format !== null && !(HISTORY_FORMATS as readonly string[]).includes(format)) {
    throw new AppError('invalid', `format must be one of: ${HISTORY_FORMATS.join(', ')}.`, { format: 'Unknown format.' });
  }
  if (kind !== undefined && !isHistoryKind(kind)) {
    throw new AppError('invalid', `kind must be one of: ${HISTORY_KINDS.map((k) => k.id).join(', ')}.`, { kind: 'Unknown kind.' });
  }
  if (actorFilter !== undefined && actorFilter.length > 320) throw new AppError('invalid', 'actor is too long.', { actor: 'Too long.' });
  const events = filterEvents(await listHistory(actor, articleId), { actor: actorFilter, kind, claim: claimId });
  if (format === null) return Response.json({ events });
  const name = `history-${claimId ? `claim-${claimId}` : articleId}`;
  const download = (body: string, type: string, ext: HistoryFormat) => new Response(body, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${name}.${ext}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
  if (format === 'json') return download(`${JSON.stringify({ articleId, claimId: claimId ?? null, events }, null, 2)}\n`, 'application/json; charset=utf-8', 'json');
  return download(historyCsv(events, await claimOrdinals(actor, articleId)), 'text/csv; charset=utf-8', 'csv');
}
