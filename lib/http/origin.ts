// Which origins may send a cookie-authenticated write. The configured public URL (NEXTAUTH_URL,
// which next-auth needs anyway) is the truth; the Host header is the fallback for `next dev`
// without one. X-Forwarded-Host is believed only from a trusted proxy (FACTDESK_TRUSTED_PROXIES):
// any client can send it, and trusting it let a request name its own origin as ours.
import { parseTrustedProxies, type Trust } from '../auth/client-address';
import { isFromTrustedProxy } from './client-address';

export interface OriginPolicy {
  publicOrigin: string | null;
  trustedProxies: Trust;
}

export function originPolicy(env: { NEXTAUTH_URL?: string; FACTDESK_TRUSTED_PROXIES?: string }): OriginPolicy {
  let publicOrigin: string | null = null;
  if (env.NEXTAUTH_URL) {
    const url = URL.canParse(env.NEXTAUTH_URL) ? new URL(env.NEXTAUTH_URL) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new Error(`NEXTAUTH_URL "${env.NEXTAUTH_URL}" is not an http(s) URL. Set it to the address people open, e.g. https://factdesk.example.org`);
    }
    publicOrigin = url.origin;
  }
  return { publicOrigin, trustedProxies: parseTrustedProxies(env.FACTDESK_TRUSTED_PROXIES) };
}

const firstValue = (header: string | null) => header?.split(',')[0]?.trim() || null;

/** The origins this request's writes may come from. */
export function allowedOrigins(headers: Headers, policy: OriginPolicy): string[] {
  const allowed: string[] = [];
  if (policy.publicOrigin) allowed.push(policy.publicOrigin);
  else {
    const host = headers.get('host');
    if (host) allowed.push(`http://${host}`, `https://${host}`);
  }
  if (isFromTrustedProxy(headers, policy.trustedProxies)) {
    const host = firstValue(headers.get('x-forwarded-host'));
    const proto = firstValue(headers.get('x-forwarded-proto')) ?? 'https';
    if (host && (proto === 'http' || proto === 'https')) allowed.push(`${proto}://${host}`);
  }
  return allowed;
}

/**
 * Null when the write may proceed, otherwise why not. Browsers send Origin on cross-site POSTs;
 * a request without one is a script, which needs a session cookie of its own.
 */
export function crossSiteReason(headers: Headers, policy: OriginPolicy): string | null {
  const origin = headers.get('origin');
  if (!origin) return headers.get('sec-fetch-site') === 'cross-site' ? 'Cross-site requests are not allowed.' : null;
  const sent = URL.canParse(origin) ? new URL(origin).origin : 'null';
  const allowed = allowedOrigins(headers, policy);
  if (allowed.includes(sent)) return null;
  return policy.publicOrigin
    ? `Cross-site requests are not allowed: this request came from ${sent}, and Factdesk accepts changes only from ${policy.publicOrigin} (NEXTAUTH_URL).`
    : 'Cross-site requests are not allowed.';
}
