import { createArticle, listArticles } from '@/lib/db/articles';
import { readDraftBody } from '@/lib/http/draft-body';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const GET = handle(async () => {
  const actor = await requireActor();
  return Response.json({ articles: await listArticles(actor) });
});

/** JSON `{ title, byline?, text, format? }`, or multipart form data with an optional `file`. */
export const POST = handle(async (req: Request) => {
  const actor = await requireActor();
  const { fields, uploadedFormat } = await readDraftBody(req);
  return Response.json(await createArticle(actor, fields, uploadedFormat), { status: 201 });
});
