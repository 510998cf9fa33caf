import { createUser, listUsers } from '@/lib/db/users';
import { requireActor } from '@/lib/http/guard';
import { handle, readJson } from '@/lib/http/respond';

export const GET = handle(async () => {
  const actor = await requireActor();
  return Response.json({ users: await listUsers(actor) });
});

export const POST = handle(async (req: Request) => {
  const actor = await requireActor();
  return Response.json(await createUser(actor, await readJson(req)), { status: 201 });
});
