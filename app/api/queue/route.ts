import { myQueue } from '@/lib/db/queue';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const GET = handle(async () => {
  const actor = await requireActor();
  return Response.json(await myQueue(actor));
});
