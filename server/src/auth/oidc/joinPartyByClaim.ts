import { randomUUID } from 'node:crypto';
import { DomainError } from '@fellesplan/domain';
import { appendAdminEvent } from '../../audit/appendAdminEvent.js';
import type { Db } from '../../storage/database.js';
import { emailTakenMeanwhile } from '../invitations.js';
import type { OidcIdentity } from './oidcClient.js';

/**
 * Creates a member of the party whose organisation number the provider vouched for (just in
 * time), linked to the identity, and logs `user.linked` in the same transaction. The e-mail must
 * be free: an existing account is never taken over because an address matches.
 */
export async function joinPartyByClaim(
  db: Db,
  identity: OidcIdentity,
  party: { id: string; helsefellesskapId: string; orgNumber: string },
  person: { name: string; email: string },
  now = new Date(),
): Promise<string> {
  const userId = randomUUID();
  const at = now.toISOString();
  await db
    .transaction()
    .execute(async (trx) => {
      const taken = await trx.selectFrom('users').select('id').where('email', '=', person.email).executeTakeFirst();
      if (taken) throw new DomainError('email_taken');
      await trx
        .insertInto('users')
        .values({
          id: userId,
          party_id: party.id,
          name: person.name,
          email: person.email,
          password_hash: '',
          oidc_issuer: identity.issuer,
          oidc_subject: identity.subject,
          role: 'member',
          created_at: at,
        })
        .execute();
      await appendAdminEvent(trx, {
        helsefellesskapId: party.helsefellesskapId,
        actor: { userId, partyId: party.id },
        type: 'user.linked',
        payload: { userId, partyId: party.id, via: 'org_claim', orgNumber: party.orgNumber, issuer: identity.issuer },
        at,
      });
    })
    .catch(emailTakenMeanwhile(db, person.email));
  return userId;
}
