// Whether a request reached us through a proxy the operator trusts (FACTDESK_TRUSTED_PROXIES), for
// the Origin check's X-Forwarded-Host. The socket address comes from the hook that
// instrumentation.ts installs (lib/auth/peer-address.ts), which overwrites any value a client sent;
// the trust list is parsed in one place, lib/auth/client-address.ts.
import { isIP } from 'node:net';
import { PEER_ADDRESS_HEADER, type Trust } from '../auth/client-address';

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same IPv4 peer. */
export function normaliseAddress(address: string): string {
  const a = address.trim();
  return a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

/** The socket address stamped by the hook, or null when the server runs without it. */
export function peerAddress(headers: Headers): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  return peer ? normaliseAddress(peer) : null;
}

/** True only when the request's socket peer is a configured trusted proxy. */
export function isFromTrustedProxy(headers: Headers, trust: Trust): boolean {
  const peer = peerAddress(headers);
  return peer !== null && isIP(peer) !== 0 && trust(peer, 0);
}
