// Admins only. Deactivates an account; deactivation also ends all of its sessions at once.
import { deactivateUser } from '@/lib/db/users';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const POST = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  return Response.json(await deactivateUser(actor, id));
});
