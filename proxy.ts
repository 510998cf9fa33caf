// Next 16's request proxy (formerly middleware): sends signed-out visitors to the sign-in page. It
// only redirects; every route and data-layer call checks the session itself (lib/db, lib/http).
import { withAuth } from 'next-auth/middleware';

export default withAuth({ pages: { signIn: '/signin' } });

export const config = {
  matcher: ['/((?!api|_next|signin|setup|favicon.ico|icon.svg).*)'],
};
