import { resolveDoubleCheck } from '@/lib/db/double-check';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ choose: "first" | "second", version }` or `{ rating, explanation, correction?, version }` (editor and up). */
export const POST = handle(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await resolveDoubleCheck(actor, id, await readJson(req)));
});
