import { removeSource } from '@/lib/db/claims';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const DELETE = handle(async (_req: Request, { params }: { params: Promise<{ id: string; sourceId: string }> }) => {
  const actor = await requireActor();
  const { id, sourceId } = await params;
  return Response.json(await removeSource(actor, id, sourceId));
});
