import type { SessionView } from '@fellesplan/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSession, SESSION_COOKIE, SESSION_DAYS } from '../auth/sessions.js';
import { presentUser } from '../presenters/user.js';
import { loadUserRecord } from '../queries/userRecord.js';
import type { Db } from '../storage/database.js';

/** Hands a new session to the browser, whichever way the person logged in. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the user reached us over HTTPS (directly, or via a proxy we trust).
    secure: request.protocol === 'https',
    maxAge: SESSION_DAYS * 24 * 3600,
  });
}

/**
 * Signs a person in: a new session, its cookie, and the `{token, user}` answer. Login, the first
 * start's setup and an accepted invitation all end here, so they answer alike.
 */
export async function startSession(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  userId: string,
): Promise<SessionView> {
  const token = await createSession(db, userId);
  setSessionCookie(request, reply, token);
  return { token, user: presentUser(await loadUserRecord(db, userId)) };
}
