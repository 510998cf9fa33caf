import { assignClaim } from '@/lib/db/assignments';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await assignClaim(actor, id, await readJson(req)));
});
