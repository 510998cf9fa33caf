import { mergeClaims } from '@/lib/db/claim-edits';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

/** `{ ids, versions }`: neighbouring claims become one (reviewer and up). */
export const POST = handle(async (req: Request) => {
  const actor = await requireActor();
  return Response.json(await mergeClaims(actor, await readJson(req)));
});
