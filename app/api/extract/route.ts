import { z } from 'zod';
import { fromZodError } from '@/lib/api/errors';
import { assertCan } from '@/lib/auth/permissions';
import { extractClaimsOffThread } from '@/lib/extraction-pool';
import { assertArticleText } from '@/lib/ingest/to-text';
import { assertBodySize, requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

const bodySchema = z.object({ text: z.string({ message: 'Send { "text": "..." }.' }), all: z.boolean().optional() });

export const POST = handle(async (req: Request) => {
  const actor = await requireActor();
  assertCan(actor, 'claims:extract');
  assertBodySize(req);
  const body = await readJson(req);
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  assertArticleText(parsed.data.text);
  // Serialised in the worker: a 1 MB draft's 13 MB of JSON would otherwise be built on this thread.
  const json = await extractClaimsOffThread(parsed.data.text, { all: parsed.data.all, json: true });
  return new Response(json, { headers: { 'content-type': 'application/json' } });
});
