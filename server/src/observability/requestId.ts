import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { proxyTrust, type TrustProxy } from '../http/trustProxy.js';

export const REQUEST_ID_HEADER = 'x-request-id';

// What proxies send (nginx's $request_id is 32 hex digits, others UUIDs): short and printable,
// so a forged id cannot break a log line or bloat it.
const SANE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Fastify's `genReqId`: the proxy's `X-Request-Id` when the request came straight from a proxy
 * `TRUST_PROXY` trusts and the id looks sane, so one id follows a request through proxy and
 * server logs; otherwise a new UUID (a client must not choose the id its requests are logged under).
 */
export function requestIdGenerator(trust: TrustProxy): (request: IncomingMessage) => string {
  const trusted = proxyTrust(trust);
  return (request) => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    const peer = request.socket.remoteAddress;
    if (typeof incoming === 'string' && peer !== undefined && trusted(peer, 0) && SANE_ID.test(incoming)) {
      return incoming;
    }
    return randomUUID();
  };
}
