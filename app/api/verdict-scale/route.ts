import { getVerdictScale, updateVerdictScale } from '@/lib/db/verdict-scale';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

export const GET = handle(async () => Response.json(await getVerdictScale(await requireActor())));

// The whole scale in order with the version the admin saw; handle() refuses a cross-site Origin.
export const PUT = handle(async (req: Request) => {
  const actor = await requireActor();
  return Response.json(await updateVerdictScale(actor, await readJson(req, 64 * 1024)));
});
