import { sendBack } from '@/lib/db/claims';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ comment, version }` (editor and up): the verdict goes back to review, the comment into history. */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await sendBack(actor, id, await readJson(req)));
});
