// First-run set-up: creates the admin account while the install has none (409 after that), and only
// with the one-time token from the link `npm start` prints (403 without it; 429 when one address
// keeps trying). Body: { token, email, password, name? }.
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { setUpInstall } from '@/lib/db/users';
import { handle, readJson } from '@/lib/http/respond';

export const POST = handle(async (req: Request) => {
  const user = await setUpInstall(await readJson(req), clientAddressFromHeaders(req.headers));
  return Response.json(user, { status: 201 });
});
