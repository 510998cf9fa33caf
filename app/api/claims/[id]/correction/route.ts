import { decideCorrection } from '@/lib/db/verification';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ decision: "accept" | "reject", version }` (editor and up). */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await decideCorrection(actor, id, await readJson(req)));
});
