import { DomainError } from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import type { ServerMetrics } from './metrics.js';
import { METRICS_PATH, metricsAccess } from './metricsAccess.js';

/** `GET /metrics`: Prometheus text format, for whom `metricsAccess` allows. */
export function metricsRoutes(app: FastifyInstance, metrics: ServerMetrics, token: string | null): void {
  // Scraped every few seconds: only refusals and failures belong in the log.
  app.get(METRICS_PATH, { logLevel: 'warn' }, async (request, reply) => {
    const access = metricsAccess({
      token,
      authorization: request.headers.authorization,
      peerAddress: request.socket.remoteAddress,
      forwarded: request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined,
      host: request.headers.host,
    });
    if (access !== 'allowed') {
      request.log.warn({ access }, 'metrics refused');
      throw new DomainError(access);
    }
    const { contentType, body } = await metrics.scrape();
    return reply.header('cache-control', 'no-store').type(contentType).send(body);
  });
}
