import { setSpeaker } from '@/lib/db/claims';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ name, type: "Person" | "Organization", version }`; an empty name clears the correction. */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await setSpeaker(actor, id, await readJson(req)));
});
