// Anyone holding an admin's temporary password: sets the account's own password (the sign-in form's
// second step). No session: the temporary password is the credential, throttled as sign-in is.
// Body: { email, temporaryPassword, password }.
import { clientAddressFromHeaders } from '@/lib/auth/client-address';
import { changeTemporaryPassword } from '@/lib/auth/sign-in';
import { handle, readJson } from '@/lib/http/respond';

export const POST = handle(async (req: Request) => {
  return Response.json(await changeTemporaryPassword(await readJson(req), clientAddressFromHeaders(req.headers)));
});
