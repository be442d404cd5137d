import { DomainError } from '@fellesplan/domain';
import type { FastifyRequest } from 'fastify';
import { tokenFromAuthorizationHeader } from '../auth/requestToken.js';
import { findSessionUser, SESSION_COOKIE, type SessionUser } from '../auth/sessions.js';
import type { Db } from '../storage/database.js';

/** The session token of a request: Bearer first, then the cookie. */
export function requestToken(request: FastifyRequest): string | null {
  return tokenFromAuthorizationHeader(request.headers.authorization) ?? request.cookies[SESSION_COOKIE] ?? null;
}

export async function requireActor(db: Db, request: FastifyRequest): Promise<SessionUser> {
  const token = requestToken(request);
  const user = token ? await findSessionUser(db, token) : null;
  if (!user) throw new DomainError('unauthenticated');
  return user;
}
