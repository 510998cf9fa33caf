// First-run set-up: creates the admin account while the install has none (409 after that).
import { createFirstAdmin } from '@/lib/db/users';
import { handle, readJson } from '@/lib/http/respond';

export const POST = handle(async (req: Request) => {
  const user = await createFirstAdmin(await readJson(req));
  return Response.json(user, { status: 201 });
});
