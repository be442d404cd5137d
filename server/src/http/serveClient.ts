import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { sendError } from './errors.js';

/** Vite names every file under /assets/ by its content hash: a new build is a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The shell names the current hashes, so the browser asks every time (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** Hashed assets, source maps, and anything else that looks like a file are never the app shell. */
function isFileRequest(url: string): boolean {
  const pathname = url.split('?')[0] ?? '';
  return pathname.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(pathname);
}

/**
 * The built client: `.br`/`.gz` siblings made at build time are sent to browsers that accept
 * them (no compression work per request), hashed assets cached for a year, the shell revalidated.
 * Source maps stay on the server: they are for operators, not for the public.
 */
export function serveClient(app: FastifyInstance, dist: string | null, logger: Logger): void {
  const hasClient = dist !== null && existsSync(path.join(dist, 'index.html'));
  if (dist && !hasClient) logger.warn({ dist }, 'client is not built; serving the API only');
  if (hasClient) {
    void app.register(fastifyStatic, {
      root: dist,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      allowedPath: (pathname) => !pathname.endsWith('.map'),
      setHeaders: (response, filePath) => {
        const asset = path.relative(dist, filePath).startsWith(`assets${path.sep}`);
        response.setHeader('cache-control', asset ? IMMUTABLE : REVALIDATE);
        // Caches must keep the brotli, gzip and plain bodies apart.
        if (asset) response.setHeader('vary', 'accept-encoding');
      },
    });
  }
  // Client-side routes (/plans/…) get the app shell; unknown /api paths and missing files stay 404s.
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/collab');
    if (hasClient && request.method === 'GET' && !isApi && !isFileRequest(request.url)) {
      return reply.header('cache-control', REVALIDATE).type('text/html').sendFile('index.html');
    }
    return sendError(request, reply, 'not_found');
  });
}
