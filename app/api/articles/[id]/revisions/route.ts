import { getArticle } from '@/lib/db/articles';
import { loadRevision } from '@/lib/db/revisions';
import { readDraftBody } from '@/lib/http/draft-body';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

type Params = { params: Promise<{ id: string }> };

export const GET = handle(async (_req: Request, { params }: Params) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json({ revisions: (await getArticle(actor, id)).revisions });
});

/** A new draft: JSON `{ text, format?, basedOn? }`, or multipart with an optional `file`. */
export const POST = handle(async (req: Request, { params }: Params) => {
  const actor = await requireActor();
  const { id } = await params;
  const { fields, uploadedFormat } = await readDraftBody(req);
  return Response.json(await loadRevision(actor, id, fields, uploadedFormat), { status: 201 });
});
