import type { Language } from '@fellesplan/domain';
import type { FastifyRequest } from 'fastify';

/** Messages follow the user's chosen written form, sent by the client as Accept-Language. */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*nn\b/i.test(header) ? 'nn' : 'nb';
}
