import { setDoubleCheck } from '@/lib/db/double-check';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ doubleCheck }` (editor and up): whether this article's claims get two independent, blind verdicts. */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await setDoubleCheck(actor, id, await readJson(req)));
});
