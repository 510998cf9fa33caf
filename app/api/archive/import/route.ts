import { assertCan } from '@/lib/auth/permissions';
import { importReviewArchive } from '@/lib/db/review-archive';
import { requireActor } from '@/lib/http/guard';
import { readArchiveText } from '@/lib/http/read-archive';
import { handle } from '@/lib/http/respond';

/** A review archive as a JSON body or a multipart upload (`file`): `201 { id }` of the new article. */
export const POST = handle(async (req: Request) => {
  const actor = await requireActor();
  // Checked again in the data layer; here it keeps a non-admin from making us read up to 50 MB.
  assertCan(actor, 'archive:import');
  const text = await readArchiveText(req);
  return Response.json(await importReviewArchive(actor, text), { status: 201 });
});
