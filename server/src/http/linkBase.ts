import type { FastifyRequest } from 'fastify';

/**
 * Where links the server hands out point to: `PUBLIC_URL` when configured, else the origin the
 * request came to. Its `Host` header, not `X-Forwarded-Host` (which a proxy may pass on from the
 * client unchecked): the allowed-hosts check has already vetted exactly that header.
 */
export function linkBase(ctx: { publicUrl: string | null }, request: FastifyRequest): string {
  return ctx.publicUrl ?? `${request.protocol}://${request.headers.host ?? request.host}`;
}
