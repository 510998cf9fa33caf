import { removeSource } from '@/lib/db/claims';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ version }`: the claim's version the reviewer saw (409 with the current claim when stale). */
export const DELETE = handle(async (req: Request, { params }: { params: Promise<{ id: string; sourceId: string }> }) => {
  const actor = await requireActor();
  const { id, sourceId } = await params;
  return Response.json(await removeSource(actor, id, sourceId, await readJson(req)));
});
