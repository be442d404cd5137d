import { DomainError, ERRORS, errorMessage, type ErrorBody, type ErrorCode } from '@fellesplan/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isTransientStorageError } from '../storage/transient.js';
import { TooManyRequestsError } from './commandLimits.js';
import { requestLanguage } from './language.js';

function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERRORS, value);
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params: Record<string, string> = {},
) {
  const body: ErrorBody = { error: { code, message: errorMessage(code, requestLanguage(request), params) } };
  if (params.field) body.error.field = params.field;
  return reply.status(ERRORS[code].status).send(body);
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Every failure becomes `{ error: { code, message } }`; the process never dies of input. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof DomainError) {
      request.log.info({ code: error.code, params: error.params }, 'request refused');
      if (error instanceof TooManyRequestsError) void reply.header('retry-after', String(error.retryAfterSeconds));
      return sendError(request, reply, error.code, error.params);
    }
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      const field = issue?.path.join('.') || 'body';
      // Where and how, never what: an issue's `received` and message repeat the value sent, which
      // may be a person's text.
      request.log.info({ issues: error.issues.map(({ code, path }) => ({ code, path })) }, 'invalid input');
      // Schemas name a specific error code as the issue message where one exists (note_required …).
      const code = issue && isErrorCode(issue.message) ? issue.message : 'invalid_input';
      // A field left out or left empty is asked for, not called invalid (an empty login form).
      const value = issue ? valueAt(request.body, issue.path) : undefined;
      const missing =
        (issue?.code === 'invalid_type' && issue.received === 'undefined') ||
        (typeof value === 'string' && value.trim() === '');
      return sendError(request, reply, code, { field, ...(missing && issue?.path.length ? { missing: '1' } : {}) });
    }
    const fastifyError = error as FastifyError;
    if (
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      request.log.info({ err: error }, 'invalid JSON');
      return sendError(request, reply, 'invalid_json');
    }
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(request, reply, 'payload_too_large');
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(request, reply, 'invalid_json');
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      request.log.info({ err: error }, 'bad request');
      return sendError(request, reply, 'invalid_input', { field: 'body' });
    }
    if (isTransientStorageError(error)) {
      // The database restarting or a write lock held long: asking again shortly is the remedy, so
      // say so rather than «something broke». Almost always nothing was stored; only a connection
      // lost while its COMMIT was on the way leaves that unknown, so the message promises nothing.
      request.log.warn({ err: error }, 'storage unavailable');
      void reply.header('retry-after', '2');
      return sendError(request, reply, 'storage_unavailable');
    }
    request.log.error({ err: error }, 'request failed');
    return sendError(request, reply, 'internal');
  });
}
