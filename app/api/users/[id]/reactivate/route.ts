// Admins only. Reactivates a deactivated account (it signs in again with its old password).
import { reactivateUser } from '@/lib/db/users';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const POST = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  return Response.json(await reactivateUser(actor, id));
});
