import { findArchiveMatches } from '@/lib/db/archive';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const GET = handle(async (_req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json({ matches: await findArchiveMatches(actor, id) });
});
