import { setApprovalRequired } from '@/lib/db/approval';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ approvalRequired }` (editor and up): whether this article's verdicts wait for an editor's approval. */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await setApprovalRequired(actor, id, await readJson(req)));
});
