import { z } from 'zod';
import { fromZodError } from '@/lib/api/errors';
import { articleReadVersion, eventCount } from '@/lib/db/article-read';
import { listHistory } from '@/lib/db/history';
import { requireActor } from '@/lib/http/guard';
import { historyResponse } from '@/lib/http/history-response';
import { handle } from '@/lib/http/respond';

const latestSchema = z.coerce.number().int('latest must be a whole number.').min(1, 'latest must be at least 1.').max(1000, 'latest is at most 1,000.');

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  const raw = new URL(req.url).searchParams.get('latest');
  // `latest=N` (the review page): the newest N events and the total; otherwise filters and downloads.
  if (raw === null) return historyResponse(req, actor, id);
  const latest = latestSchema.safeParse(raw);
  if (!latest.success) throw fromZodError(latest.error);
  const events = await listHistory(actor, id, { latest: latest.data });
  return Response.json({ events, total: eventCount(await articleReadVersion(actor, id)) });
});
