import { addRelation } from '@/lib/db/relations';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

export const POST = handle(async (req: Request) => {
  const actor = await requireActor();
  return Response.json(await addRelation(actor, await readJson(req)), { status: 201 });
});
