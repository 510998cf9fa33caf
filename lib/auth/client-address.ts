// Which network address a request came from, for throttling. X-Forwarded-For is set by whoever sends
// the request, so it counts only when the connection comes from a proxy the operator listed in
// FACTDESK_TRUSTED_PROXIES (comma-separated addresses or CIDR ranges, also `loopback`; the same
// variable and meaning as the Origin check's). Otherwise the socket's own address is used.
//
// Next route handlers never see the socket, so lib/auth/peer-address.ts (registered by
// instrumentation.ts at server start) resolves the address when the connection arrives and passes it
// on in CLIENT_ADDRESS_HEADER, overwriting whatever a client put there.
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

export const CLIENT_ADDRESS_HEADER = 'x-factdesk-client-address';
/** The socket's own address (the nearest hop), for checks that ask "did a trusted proxy send this?". */
export const PEER_ADDRESS_HEADER = 'x-factdesk-peer-address';
const INSTALLED = Symbol.for('factdesk.clientAddressInstalled');

export type Trust = (addr: string, i: number) => boolean;

export function parseTrustedProxies(value: string | undefined): Trust {
  const list = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) return () => false;
  try {
    return proxyaddr.compile(list);
  } catch (e) {
    throw new Error(`FACTDESK_TRUSTED_PROXIES is not a list of addresses or CIDR ranges: ${(e as Error).message}`);
  }
}

/** The client's address: the socket's, or the nearest untrusted hop when the socket is a trusted proxy. */
export function resolveClientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trust: Trust): string {
  return proxyaddr(req as IncomingMessage, trust) || 'unknown';
}

/**
 * The throttling bucket of an address: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64,
 * because one IPv6 host usually controls a whole /64 and could otherwise rotate through it.
 */
export function addressBucket(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((p) => p.toString(16));
  return `${parts.join(':')}::/64`;
}

export function markClientAddressInstalled(): void {
  (globalThis as Record<symbol, unknown>)[INSTALLED] = true;
}

/**
 * The address for a request's headers (as route handlers and next-auth see them). Throws when the
 * server-side hook is missing, because the header could then have been written by the client.
 */
export function clientAddressFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): string {
  if (!(globalThis as Record<symbol, unknown>)[INSTALLED]) {
    throw new Error('The client-address hook is not installed (instrumentation.ts did not run); refusing to trust request headers.');
  }
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  const first = Array.isArray(value) ? value[0] : value;
  if (!first) throw new Error('The request has no resolved client address.');
  return addressBucket(first);
}
