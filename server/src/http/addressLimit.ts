import { DomainError } from '@fellesplan/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * An `onRequest` hook allowing one address `max` requests a minute on the routes it guards
 * (429 `too_many_attempts` with `Retry-After` beyond): for routes that cost scrypt work or
 * guess at secrets (login, setup, accepting an invitation).
 */
export function addressLimit(app: FastifyInstance, options: { name: string; max: number }) {
  const limit = app.createRateLimit({
    max: options.max,
    timeWindow: 60_000,
    keyGenerator: (request) => `${options.name}|${request.ip}`,
  });
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const state = await limit(request);
    if (state.isAllowed || !state.isExceeded) return;
    request.log.info({ ip: request.ip, limit: options.name }, 'limit per address reached');
    void reply.header('retry-after', state.ttlInSeconds);
    throw new DomainError('too_many_attempts');
  };
}
