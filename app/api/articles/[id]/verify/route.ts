import { verifyArticle } from '@/lib/db/verification';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ override?: string }`: 200 when verified; 409 `{ error: { ..., missing: [...] } }` when the gate is not met. */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await verifyArticle(actor, id, await readJson(req)));
});
