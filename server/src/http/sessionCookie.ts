import type { SessionView } from '@fellesplan/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createSession, SESSION_COOKIE } from '../auth/sessions.js';
import { presentUser } from '../presenters/user.js';
import { loadUserRecord } from '../queries/userRecord.js';
import type { Db } from '../storage/database.js';

const SESSION_SECONDS = 30 * 24 * 3600;

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
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure whenever the user reached us over HTTPS (directly, or via a proxy we trust).
    secure: request.protocol === 'https',
    maxAge: SESSION_SECONDS,
  });
  return { token, user: presentUser(await loadUserRecord(db, userId)) };
}
