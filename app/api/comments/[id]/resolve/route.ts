import { resolveComment } from '@/lib/db/comments';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await resolveComment(actor, id, await readJson(req)));
});
