import type { FastifyInstance } from 'fastify';
import { OPENAPI_PATH, openApiDocument } from '../openapi/openApiDocument.js';

/** `GET /api/openapi.json`: the API description, readable without a session. */
export function openApiRoutes(app: FastifyInstance): void {
  app.get(OPENAPI_PATH, () => openApiDocument());
}
