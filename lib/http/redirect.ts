// Where to send someone after signing in. The callbackUrl comes from the address bar, so anyone can
// craft it: a string check let `/\evil.test` through, which browsers read as `//evil.test` (issue 8,
// finding 6). Parsing it the way the browser will, against our own origin, leaves no such gap.

/** `raw` resolved against `origin` if it stays on that origin, otherwise the home page. */
export function sameOriginTarget(raw: string | null | undefined, origin: string): string {
  const home = new URL('/', origin).href;
  if (!raw || !URL.canParse(raw, origin)) return home;
  const target = new URL(raw, origin);
  // An absolute same-origin URL, never a path: a path like `//evil.test` would leave the site again.
  return target.origin === new URL(origin).origin ? target.href : home;
}
