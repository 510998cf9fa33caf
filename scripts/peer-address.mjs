// Preloaded into `next start` by scripts/start.mjs (node --import). Next 16 gives route handlers no
// socket address, and the X-Forwarded-For it fills in keeps whatever a client sent, so the app
// could not tell a proxy's request from anyone else's. This stamps the socket's address on every
// request before Next sees it, overwriting any value a client sent under the same name; the app
// reads it in lib/http/client-address.ts and believes forwarded headers only from the addresses
// in FACTDESK_TRUSTED_PROXIES.
import http from 'node:http';

const HEADER = 'x-factdesk-peer-address';
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeer(event, ...args) {
  if (event === 'request') {
    const req = args[0];
    req.headers[HEADER] = req.socket?.remoteAddress ?? '';
  }
  return emit.call(this, event, ...args);
};
