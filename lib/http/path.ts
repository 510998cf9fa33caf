// A path whose percent-encoding does not decode (`/articles/%E0%A4%A`) made Next's router throw a
// URIError and answer 500. It is the client's mistake, so proxy.ts answers 400 before routing.

/** True when every %XX sequence in the path decodes to valid UTF-8. */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The 400 for an undecodable path: our JSON error shape under /api, a short text page elsewhere. */
export function malformedPathResponse(pathname: string): Response {
  const message = 'This address has a broken percent-encoding (a % not followed by a valid UTF-8 sequence). Check the link.';
  if (/^\/api(\/|$)/.test(pathname)) {
    return Response.json({ error: { code: 'bad_request', message } }, { status: 400 });
  }
  return new Response(message, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
