import { approveVerdict } from '@/lib/db/claims';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ version }` (editor and up): the claim's latest verdict becomes its current, published one. */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await approveVerdict(actor, id, await readJson(req)));
});
