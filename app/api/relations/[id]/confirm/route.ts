import { setRelationStatus } from '@/lib/db/relations';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ version }`: the link's version the reviewer saw (409 with the current link when stale). */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await setRelationStatus(actor, id, 'confirmed', await readJson(req)));
});
