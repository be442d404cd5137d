import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { isAllowedHost } from './allowedHosts.js';
import { sendError } from './errors.js';
import { METRICS_PATH } from '../observability/metricsAccess.js';

/**
 * The strict policy the built client passes (e2e fails on any violation): no inline script or
 * style anywhere, so injected markup cannot run or restyle the page. Tiptap's injected <style>
 * is off and its CSS ships in our stylesheet; carets get their colour through CSSOM.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // 'self' covers ws:/wss: to our own host and port in CSP 3 (Chromium, Firefox, Safari).
  connectSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Security headers on every response, and refusal of requests for hosts we are not. */
export async function installSecurityHeaders(app: FastifyInstance, allowedHosts: readonly string[]): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  app.addHook('onRequest', async (request, reply) => {
    // Load balancers probe health by address; that answer tells a rebound page nothing. Scrapers
    // use addresses too, and /metrics checks its own Host, token and peer (metricsAccess).
    if (request.url === '/api/health' || request.url === METRICS_PATH) return;
    if (isAllowedHost(request.headers.host, allowedHosts)) return;
    request.log.info({ host: request.headers.host }, 'request refused: host not allowed');
    return sendError(request, reply, 'invalid_host');
  });
}
