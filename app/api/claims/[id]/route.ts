import { resizeClaim } from '@/lib/db/claim-edits';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ start, end, version }`: moves where the claim starts and ends (reviewer and up). */
export const PATCH = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await resizeClaim(actor, id, await readJson(req)));
});
