// Node-only half of lib/auth/client-address.ts. Node publishes every incoming HTTP request on the
// `http.server.request.start` diagnostics channel synchronously, before the server's 'request'
// listener (Next's handler) runs, with the socket attached; Next keeps the request's header object,
// so a header written here reaches route handlers and next-auth's authorize().
import type { IncomingMessage } from 'node:http';
import { subscribe } from 'node:diagnostics_channel';
import { CLIENT_ADDRESS_HEADER, markClientAddressInstalled, parseTrustedProxies, PEER_ADDRESS_HEADER, resolveClientAddress } from './client-address';

let installed = false;

export function installClientAddressHook(): void {
  if (installed) return;
  installed = true;
  // Parsed once: a bad value stops the server at start rather than at the first sign-in.
  const trust = parseTrustedProxies(process.env.FACTDESK_TRUSTED_PROXIES);
  subscribe('http.server.request.start', (message) => {
    const { request } = message as { request: IncomingMessage };
    // Both overwrite whatever a client sent under these names.
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(request, trust);
    request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
  });
  markClientAddressInstalled();
}
