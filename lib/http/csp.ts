// The Content-Security-Policy for app pages (exports set their own, stricter one). Scripts run only
// with this response's nonce - Next reads it from the request's CSP header and puts it on its own
// inline scripts - and 'strict-dynamic' lets those scripts load the page's chunks. Nothing may
// frame the app (clickjacking), and plugins, <base> and off-site form posts are off.

/** 128 random bits, base64: unguessable, fresh for every page request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, options: { isDev: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
