import { DomainError } from '@fellesplan/domain';
import type { Logger } from 'pino';
import type { Db } from '../../storage/database.js';
import { acceptInvitation, usableInvitation } from '../invitations.js';
import { joinPartyByClaim } from './joinPartyByClaim.js';
import type { OidcIdentity } from './oidcClient.js';
import { orgNumbersFromClaim } from './orgNumbersFromClaim.js';
import { personFromClaims } from './personFromClaims.js';

export type OidcLinkedBy = 'identity' | 'invitation' | 'org_claim';

/**
 * Whose account an identity the provider vouched for opens, in this order: the account already
 * linked to (issuer, subject); a new account through the invitation the login started from; a
 * new member of the one active party whose organisation number the configured claim names.
 * Never by e-mail alone. Refusals: a deactivated person or party → `forbidden`; nobody →
 * `oidc_unknown_user`; and the invitation's own refusals (used, expired, e-mail taken).
 */
export async function resolveOidcUser(
  db: Db,
  identity: OidcIdentity,
  options: { invitationToken: string | null; orgClaim: string | null; logger: Pick<Logger, 'info' | 'warn'> },
): Promise<{ userId: string; linkedBy: OidcLinkedBy }> {
  const { logger } = options;
  const linked = await db
    .selectFrom('users')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .select(['users.id', 'users.deactivated_at', 'parties.deactivated_at as party_deactivated_at'])
    .where('users.oidc_issuer', '=', identity.issuer)
    .where('users.oidc_subject', '=', identity.subject)
    .executeTakeFirst();
  if (linked) {
    if (linked.deactivated_at !== null || linked.party_deactivated_at !== null) {
      logger.info({ userId: linked.id }, 'OpenID Connect login of a deactivated person or party refused');
      throw new DomainError('forbidden');
    }
    return { userId: linked.id, linkedBy: 'identity' };
  }

  const person = personFromClaims(identity.claims);
  if (options.invitationToken) {
    const invitation = await usableInvitation(db, options.invitationToken);
    const { userId } = await acceptInvitation(db, options.invitationToken, {
      // ID-porten states no name: the one the sekretariat wrote in the invitation stands.
      name: person.name ?? invitation.name,
      credential: { oidc: { issuer: identity.issuer, subject: identity.subject } },
    });
    return { userId, linkedBy: 'invitation' };
  }

  if (options.orgClaim) {
    const orgNumbers = orgNumbersFromClaim(identity.claims, options.orgClaim);
    const parties =
      orgNumbers.length === 0
        ? []
        : await db
            .selectFrom('parties')
            .select(['id', 'helsefellesskap_id', 'org_number'])
            .where('org_number', 'in', orgNumbers)
            .where('deactivated_at', 'is', null)
            .execute();
    const party = parties[0];
    if (parties.length > 1) {
      logger.warn(
        { parties: parties.map((p) => p.id) },
        'organisation claim names more than one party; not joining any',
      );
    } else if (party?.org_number && !person.email) {
      logger.info(
        { partyId: party.id },
        'organisation claim matches a party, but the provider stated no verified e-mail',
      );
    } else if (party?.org_number && person.email) {
      const userId = await joinPartyByClaim(
        db,
        identity,
        { id: party.id, helsefellesskapId: party.helsefellesskap_id, orgNumber: party.org_number },
        { name: person.name ?? person.email, email: person.email },
      );
      return { userId, linkedBy: 'org_claim' };
    }
  }

  logger.info({ issuer: identity.issuer }, 'OpenID Connect login of nobody known here refused');
  throw new DomainError('oidc_unknown_user');
}
