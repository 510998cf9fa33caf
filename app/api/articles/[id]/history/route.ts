import { listHistory } from '@/lib/db/history';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const GET = handle(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json({ events: await listHistory(actor, id) });
});
