// Which address a request came from, and whether it came through a proxy we were told to trust.
// Next 16 gives route handlers no socket address, and the X-Forwarded-* headers it fills in keep
// whatever a client sent. So `npm start` loads scripts/peer-address.mjs into the server, which
// stamps the socket's address on every request (overwriting any value a client sent) as PEER_HEADER.
// Forwarded headers are believed only when that peer is listed in FACTDESK_TRUSTED_PROXIES.
import { BlockList, isIP } from 'node:net';

export const PEER_HEADER = 'x-factdesk-peer-address';

/** `::ffff:10.0.0.1` and `10.0.0.1` are the same IPv4 peer. */
export function normaliseAddress(address: string): string {
  const a = address.trim();
  return a.toLowerCase().startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a;
}

/**
 * Parses FACTDESK_TRUSTED_PROXIES: a comma list of addresses or CIDR ranges (`10.0.0.5, 10.1.0.0/16,
 * ::1`). Throws on an entry that is neither, so a typo fails loudly instead of trusting nobody.
 */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const ip = normaliseAddress(address);
    const family = isIP(ip);
    const prefix = bits === undefined ? undefined : Number(bits);
    if (!family || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128)))) {
      throw new Error(`FACTDESK_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range. Use a comma list such as "127.0.0.1, 10.0.0.0/8".`);
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, prefix, type);
  }
  return list;
}

/** The socket address stamped by scripts/peer-address.mjs, or null when the server runs without it. */
export function peerAddress(headers: Headers): string | null {
  const peer = headers.get(PEER_HEADER);
  return peer ? normaliseAddress(peer) : null;
}

/** True only when the request's socket peer is a configured trusted proxy. */
export function isFromTrustedProxy(headers: Headers, trusted: BlockList | null): boolean {
  const peer = peerAddress(headers);
  if (!trusted || !peer) return false;
  const family = isIP(peer);
  return family !== 0 && trusted.check(peer, family === 4 ? 'ipv4' : 'ipv6');
}
