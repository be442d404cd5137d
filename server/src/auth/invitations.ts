import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, isAdministrator, type Role } from '@fellesplan/domain';
import { appendAdminEvent } from '../audit/appendAdminEvent.js';
import type { Db } from '../storage/database.js';
import type { InvitationRow } from '../storage/schema.js';
import { hashToken } from './sessions.js';

/** A new invitation token: only its hash is stored, so the link exists only where it was sent. */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/**
 * The invitation a token names, if it can still be accepted: unknown → 404 `invitation_invalid`,
 * used or revoked → 409 `invitation_used`, past its expiry → 409 `invitation_expired`. The party
 * must still be active, and so must the administrator who invited: an administrator who is
 * deactivated or demoted takes their pending invitations with them (404 `invitation_invalid`),
 * so nobody can invite a private address on the way out and accept it afterwards.
 */
export async function usableInvitation(db: Db, token: string, now = new Date()): Promise<InvitationRow> {
  if (token.length === 0 || token.length > 200) throw new DomainError('invitation_invalid');
  const invitation = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!invitation) throw new DomainError('invitation_invalid');
  if (invitation.accepted_at !== null || invitation.revoked_at !== null) throw new DomainError('invitation_used');
  if (invitation.expires_at <= now.toISOString()) throw new DomainError('invitation_expired');
  const party = await db
    .selectFrom('parties')
    .select('deactivated_at')
    .where('id', '=', invitation.party_id)
    .executeTakeFirst();
  if (!party || party.deactivated_at !== null) throw new DomainError('party_inactive');
  const inviter = await db
    .selectFrom('users')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .select(['users.role', 'users.deactivated_at', 'parties.kind', 'parties.deactivated_at as party_deactivated_at'])
    .where('users.id', '=', invitation.invited_by)
    .executeTakeFirst();
  const inviterStillAdmin =
    inviter !== undefined &&
    inviter.deactivated_at === null &&
    inviter.party_deactivated_at === null &&
    isAdministrator({ role: inviter.role as Role, partyKind: inviter.kind });
  if (!inviterStillAdmin) throw new DomainError('invitation_invalid');
  return invitation;
}

/** How the person will sign in: a password (already hashed), or an OpenID Connect identity. */
export type Credential = { passwordHash: string } | { oidc: { issuer: string; subject: string } };

/**
 * Accepts an invitation: creates the person in the invited party with the invited role, in one
 * transaction that also marks the invitation used. The conditional update makes a token usable
 * exactly once even when two accepts race (the loser gets 409 `invitation_used`).
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  person: { name: string; credential: Credential },
  now = new Date(),
): Promise<{ userId: string; invitation: InvitationRow }> {
  const invitation = await usableInvitation(db, token, now);
  const at = now.toISOString();
  const userId = randomUUID();
  await db
    .transaction()
    .execute(async (trx) => {
      const claimed = await trx
        .updateTable('invitations')
        .set({ accepted_at: at, accepted_by: null })
        .where('id', '=', invitation.id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) throw new DomainError('invitation_used');
      const taken = await trx.selectFrom('users').select('id').where('email', '=', invitation.email).executeTakeFirst();
      if (taken) throw new DomainError('email_taken');
      const credential = person.credential;
      await trx
        .insertInto('users')
        .values({
          id: userId,
          party_id: invitation.party_id,
          name: person.name,
          email: invitation.email,
          password_hash: 'passwordHash' in credential ? credential.passwordHash : '',
          oidc_issuer: 'oidc' in credential ? credential.oidc.issuer : null,
          oidc_subject: 'oidc' in credential ? credential.oidc.subject : null,
          role: invitation.role as Role,
          created_at: at,
        })
        .execute();
      await trx.updateTable('invitations').set({ accepted_by: userId }).where('id', '=', invitation.id).execute();
      await appendAdminEvent(trx, {
        helsefellesskapId: invitation.helsefellesskap_id,
        actor: { userId, partyId: invitation.party_id },
        type: 'invitation.accepted',
        payload: { invitationId: invitation.id, userId, via: 'oidc' in credential ? 'oidc' : 'password' },
        at,
      });
    })
    .catch(emailTakenMeanwhile(db, invitation.email));
  return { userId, invitation };
}

/**
 * The refusal when creating a person failed because another transaction took their address at the
 * same moment (two invitations to one address, an OpenID Connect login): 409 `email_taken`, not
 * the unique index's 500. Anything else is passed on.
 */
export function emailTakenMeanwhile(db: Db, email: string): (error: unknown) => never | Promise<never> {
  return async (error: unknown) => {
    if (!(error instanceof DomainError)) {
      const taken = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      if (taken) throw new DomainError('email_taken');
    }
    throw error;
  };
}
