import { addComment, listComments } from '@/lib/db/comments';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

type Ctx = { params: Promise<{ id: string }> };

export const GET = handle(async (_req: Request, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await listComments(actor, id));
});

// A comment is short text: 64 KB is far past COMMENT_MAX and refuses a flood early (413).
export const POST = handle(async (req: Request, { params }: Ctx) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await addComment(actor, id, await readJson(req, 64 * 1024)), { status: 201 });
});
