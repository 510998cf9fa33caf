import { getArticle } from '@/lib/db/articles';
import { updateArticle } from '@/lib/db/verification';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

type Params = { params: Promise<{ id: string }> };

export const GET = handle(async (_req: Request, { params }: Params) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await getArticle(actor, id));
});

/** `{ publicUrl?: string | null, correctionsNote?: string | null }` (editor and up). */
export const PATCH = handle(async (req: Request, { params }: Params) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await updateArticle(actor, id, await readJson(req)));
});
