import { splitClaim } from '@/lib/db/claim-edits';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ at, version }`: two claims from one, at a text offset inside it (reviewer and up). */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await splitClaim(actor, id, await readJson(req)));
});
