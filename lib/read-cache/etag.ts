// ETags for reads that differ per viewer (issue 13). The tag names the data's version *and* the
// viewer's key, so a tag one viewer got can never make another viewer's browser keep a body meant
// for someone else (blind double checks will hide some data per viewer).
import { createHash } from 'node:crypto';

/** A strong ETag for `parts` (data version, viewer key, build): opaque, short, quoted. */
export function etagFor(...parts: string[]): string {
  return `"${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27)}"`;
}

/**
 * True when the request's If-None-Match already names `etag` (RFC 9110 13.1.2: a list, `*`, weak
 * tags compare by their opaque part).
 */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}
