// Admins only. Sets a random temporary password and answers it this once; the account's sessions end.
import { resetPassword } from '@/lib/db/users';
import { requireActor } from '@/lib/http/guard';
import { handle } from '@/lib/http/respond';

export const POST = handle(async (_req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const actor = await requireActor();
  const { id } = await ctx.params;
  // no-store: the one copy of the password must not sit in any cache.
  return Response.json(await resetPassword(actor, id), { headers: { 'Cache-Control': 'no-store' } });
});
