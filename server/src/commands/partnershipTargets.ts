import { DomainError } from '@fellesplan/domain';
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../routes/context.js';
import type { InvitationRow, PartyRow } from '../storage/schema.js';
import type { PartnershipTarget } from './pipeline.js';

// An administrative target of another helsefellesskap does not exist for the actor: 404, never 403.

export interface PartyTarget extends PartnershipTarget {
  party: PartyRow;
}

export async function loadParty(ctx: AppContext, actor: SessionUser, partyId: string): Promise<PartyTarget> {
  const party = await ctx.db
    .selectFrom('parties')
    .selectAll()
    .where('id', '=', partyId)
    .where('helsefellesskap_id', '=', actor.helsefellesskapId)
    .executeTakeFirst();
  if (!party) throw new DomainError('not_found');
  return { helsefellesskapId: actor.helsefellesskapId, party };
}

/** A person with what administration decides on: role, party (its kind) and whether they are active. */
export interface PersonRecord {
  id: string;
  name: string;
  email: string;
  role: string;
  partyId: string;
  partyKind: string;
  deactivatedAt: string | null;
  partyDeactivatedAt: string | null;
}

export interface PersonTarget extends PartnershipTarget {
  person: PersonRecord;
}

export async function loadPerson(ctx: AppContext, actor: SessionUser, userId: string): Promise<PersonTarget> {
  const person = await ctx.db
    .selectFrom('users')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.role',
      'users.party_id as partyId',
      'parties.kind as partyKind',
      'users.deactivated_at as deactivatedAt',
      'parties.deactivated_at as partyDeactivatedAt',
    ])
    .where('users.id', '=', userId)
    .where('parties.helsefellesskap_id', '=', actor.helsefellesskapId)
    .executeTakeFirst();
  if (!person) throw new DomainError('not_found');
  return { helsefellesskapId: actor.helsefellesskapId, person };
}

export interface InvitationTarget extends PartnershipTarget {
  invitation: InvitationRow;
}

export async function loadInvitation(
  ctx: AppContext,
  actor: SessionUser,
  invitationId: string,
): Promise<InvitationTarget> {
  const invitation = await ctx.db
    .selectFrom('invitations')
    .selectAll()
    .where('id', '=', invitationId)
    .where('helsefellesskap_id', '=', actor.helsefellesskapId)
    .executeTakeFirst();
  if (!invitation) throw new DomainError('not_found');
  return { helsefellesskapId: actor.helsefellesskapId, invitation };
}
