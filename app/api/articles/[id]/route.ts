import { articleBody, articleEtag } from '@/lib/db/article-read';
import { updateArticle } from '@/lib/db/verification';
import { matchesIfNoneMatch } from '@/lib/read-cache/etag';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

type Params = { params: Promise<{ id: string }> };

// private, no-cache: browsers and scripts keep the body but ask every time (If-None-Match), and the
// answer is 304 while the article's history has not moved (lib/db/article-read.ts).
const CACHING = { 'cache-control': 'private, no-cache', vary: 'Cookie' };

export const GET = handle(async (req: Request, { params }: Params) => {
  const actor = await requireActor();
  const { id } = await params;
  const read = await articleEtag(actor, id);
  // Version 0: no history, so no such article; getArticle answers 404 below.
  if (read.version !== '0' && matchesIfNoneMatch(req.headers.get('if-none-match'), read.etag)) {
    return new Response(null, { status: 304, headers: { etag: read.etag, ...CACHING } });
  }
  const body = await articleBody(actor, id, read);
  return new Response(body, { headers: { 'content-type': 'application/json', etag: read.etag, ...CACHING } });
});

/** `{ publicUrl?: string | null, correctionsNote?: string | null }` (editor and up). */
export const PATCH = handle(async (req: Request, { params }: Params) => {
  const actor = await requireActor();
  const { id } = await params;
  return Response.json(await updateArticle(actor, id, await readJson(req)));
});
