import { requireActor } from '@/lib/http/guard';
import { historyResponse } from '@/lib/http/history-response';
import { handle } from '@/lib/http/respond';

export const GET = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return historyResponse(req, actor, id);
});
