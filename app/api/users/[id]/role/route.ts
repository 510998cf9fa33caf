// Admins only. Changes an account's role; its sessions end, so the new role applies at once.
import { changeRole } from '@/lib/db/users';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

export const POST = handle(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  const body = (await readJson(req)) as { role?: unknown } | null;
  return Response.json(await changeRole(actor, id, body?.role));
});
