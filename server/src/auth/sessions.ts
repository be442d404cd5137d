import { createHash, randomBytes } from 'node:crypto';
import type { PartnershipActor, Role } from '@fellesplan/domain';
import type { Db } from '../storage/database.js';

export const SESSION_DAYS = 30;

export const SESSION_COOKIE = 'fp_session';

/** Only the hash is stored, so a leaked database does not hand out live sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface SessionUser extends PartnershipActor {
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

/**
 * The user behind a session token, or null when the token is unknown or expired, or the person
 * or their party has been deactivated since (a deactivation also deletes the sessions; this
 * check holds even for a session another instance created a moment before).
 */
export async function findSessionUser(db: Db, token: string, now = new Date()): Promise<AuthenticatedUser | null> {
  if (token.length === 0 || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.party_id',
      'users.role',
      'users.deactivated_at',
      'parties.kind',
      'parties.helsefellesskap_id',
      'parties.deactivated_at as party_deactivated_at',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return null;
  if (row.deactivated_at !== null || row.party_deactivated_at !== null) return null;
  return {
    userId: row.id,
    name: row.name,
    email: row.email,
    partyId: row.party_id,
    partyKind: row.kind,
    helsefellesskapId: row.helsefellesskap_id,
    role: row.role as Role,
    session: { id: tokenHash, expiresAt: row.expires_at },
  };
}

/** Ends every session of a person (deactivation, "sign out everywhere"); returns their hashes. */
export async function deleteUserSessions(db: Db, userId: string): Promise<string[]> {
  const rows = await db.deleteFrom('sessions').where('user_id', '=', userId).returning('token_hash').execute();
  return rows.map((r) => r.token_hash);
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}
