import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@fellesplan/domain';
import type { Db } from '../storage/database.js';

const SESSION_DAYS = 30;

export const SESSION_COOKIE = 'fp_session';

/** Only the hash is stored, so a leaked database does not hand out live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionUser extends Actor {
  email: string;
}

/** Which session authenticated a user: the token's hash (never the token) and when it expires. */
export interface SessionRef {
  id: string;
  expiresAt: string;
}

export interface AuthenticatedUser extends SessionUser {
  session: SessionRef;
}

export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + SESSION_DAYS * 24 * 3600 * 1000);
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
    })
    .execute();
  return token;
}

/** The user behind a session token, or null when the token is unknown or expired. */
export async function findSessionUser(db: Db, token: string, now = new Date()): Promise<AuthenticatedUser | null> {
  if (token.length === 0 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.party_id', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    partyId: row.party_id,
    session: { id: tokenHash, expiresAt: row.expires_at },
  };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
