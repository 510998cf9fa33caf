import { addClaim } from '@/lib/db/claim-edits';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ start, end }`: the selected words become a claim (reviewer and up). */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await addClaim(actor, id, await readJson(req)), { status: 201 });
});
