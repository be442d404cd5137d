import type { FastifyRequest } from 'fastify';

// Paths whose next segment is a secret: the setup link, invitation links, hearing links and their API.
const SECRET_SEGMENT = /(\/(?:setup|invite|api\/invitations|horing|api\/public\/hearings)\/)[^/?#]+/g;

// Query parameters that carry a secret: the invitation an OpenID Connect login accepts
// (`/api/auth/oidc/login?invitation=`), the provider's code and state on the callback, and a
// session token (`?token=`, as WebSocket clients that cannot set headers send it), and the secret
// of a hearing response's receipt link.
const SECRET_PARAMETER = /([?&](?:invitation|token|code|state|access_token|id_token|secret)=)[^&#]*/gi;

/** A request URL fit for the log: link tokens replaced, so the log never hands out a setup or an invitation. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_SEGMENT, '$1[token]').replace(SECRET_PARAMETER, '$1[token]');
}

/** Fastify's request log serializer, with `redactUrl` applied. */
export function requestLogSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
