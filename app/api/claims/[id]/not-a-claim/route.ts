import { markNotAClaim } from '@/lib/db/claim-edits';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ version }`: the words are no claim at all; they leave the claims, the gate and the exports. */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await markNotAClaim(actor, id, await readJson(req)));
});
