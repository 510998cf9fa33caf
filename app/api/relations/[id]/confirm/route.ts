import { setRelationStatus } from '@/lib/db/relations';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const POST = handle(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await setRelationStatus(actor, id, 'confirmed'));
});
