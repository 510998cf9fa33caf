import { AppError } from '@/lib/api/errors';
import { createArticle, listArticles } from '@/lib/db/articles';
import { fileToText } from '@/lib/ingest/to-text';
import { readBody } from '@/lib/http/body';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

export const GET = handle(async () => {
  const actor = await requireActor();
  return Response.json({ articles: await listArticles(actor) });
});

/** JSON `{ title, byline?, text, format? }`, or multipart form data with an optional `file`. */
export const POST = handle(async (req: Request) => {
  const actor = await requireActor();
  const type = req.headers.get('content-type') ?? '';
  if (type.includes('multipart/form-data')) {
    // Read through the same size limit as JSON before parsing: req.formData() would buffer any size.
    const body = await readBody(req);
    const form = await new Response(body, { headers: { 'content-type': type } }).formData().catch(() => {
      throw new AppError('bad_request', 'The upload could not be read. Try again.');
    });
    const file = form.get('file');
    const fields = { title: form.get('title'), byline: form.get('byline') ?? '' };
    if (file instanceof File && file.size > 0) {
      const { text, format } = await fileToText(file.name, new Uint8Array(await file.arrayBuffer()));
      const created = await createArticle(actor, { ...fields, text, format: 'text' }, format);
      return Response.json(created, { status: 201 });
    }
    const format = form.get('format') ?? 'text';
    const created = await createArticle(actor, { ...fields, text: form.get('text'), format });
    return Response.json(created, { status: 201 });
  }
  const created = await createArticle(actor, await readJson(req));
  return Response.json(created, { status: 201 });
});
