// Next 16's request proxy (formerly middleware). Three jobs, all on page requests only:
// 1. a fresh CSP nonce per page (lib/http/csp.ts), passed to Next on the request so its inline
//    scripts carry it, and sent to the browser on the response;
// 2. sending signed-out visitors to the sign-in page. It only redirects; every route and data-layer
//    call checks the session itself (lib/db, lib/http);
// 3. a 400 for a path whose percent-encoding does not decode, which Next's router would answer 500.
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware';
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from '@/lib/http/csp';
import { isDecodablePath, malformedPathResponse } from '@/lib/http/path';

const PUBLIC_PAGES = /^\/(signin|setup)(\/|$)/;

function withSecurityPolicy(req: NextRequest): NextResponse {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    isDev: process.env.NODE_ENV === 'development',
    isHttps: (process.env.NEXTAUTH_URL ?? '').startsWith('https:'),
  });
  const headers = new Headers(req.headers);
  headers.set('content-security-policy', csp);
  // For the layout, which hands it to scripts that inject styles (components/ui/style-nonce.tsx).
  headers.set('x-nonce', nonce);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set('content-security-policy', csp);
  return res;
}

const signedInOnly = withAuth((req) => withSecurityPolicy(req), { pages: { signIn: '/signin' } });

export default function proxy(req: NextRequestWithAuth, event: NextFetchEvent) {
  // The raw path from the request line: nextUrl may hold a normalised copy.
  const rawPath = new URL(req.url).pathname;
  if (!isDecodablePath(rawPath)) return malformedPathResponse(rawPath);
  // API paths reach here only when they hold a % (matcher below), and only for the check above.
  if (/^\/api(\/|$)/.test(rawPath)) return NextResponse.next();
  if (PUBLIC_PAGES.test(req.nextUrl.pathname)) return withSecurityPolicy(req);
  return signedInOnly(req, event);
}

export const config = {
  // Pages; and API paths with a % in them, for the percent-encoding check only. Every other API
  // request skips the proxy: a proxied request's body is buffered, and only up to 10 MB.
  matcher: ['/((?!api|_next|favicon.ico|icon.svg).*)', '/api/:path(.*%.*)'],
};
