import type { PartnershipView } from '@fellesplan/domain';
import {
  presentInvitationAdmin,
  presentPartyAdmin,
  presentPersonAdmin,
  presentPlanAdmin,
} from '../presenters/partnership.js';
import type { Db } from '../storage/database.js';

/** `GET /api/partnership`: a helsefellesskap's parties, people, invitations and plans, for its administrators. */
export async function loadPartnershipView(
  db: Db,
  helsefellesskapId: string,
  now = new Date(),
): Promise<PartnershipView> {
  const partnership = await db
    .selectFrom('helsefellesskap')
    .select(['id', 'name'])
    .where('id', '=', helsefellesskapId)
    .executeTakeFirstOrThrow();
  const [parties, users, invitations, plans] = await Promise.all([
    db
      .selectFrom('parties')
      .selectAll()
      .where('helsefellesskap_id', '=', helsefellesskapId)
      .orderBy('created_at')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('users')
      .innerJoin('parties', 'parties.id', 'users.party_id')
      .selectAll('users')
      .where('parties.helsefellesskap_id', '=', helsefellesskapId)
      .orderBy('users.name')
      .execute(),
    db
      .selectFrom('invitations')
      .selectAll()
      .where('helsefellesskap_id', '=', helsefellesskapId)
      .orderBy('created_at', 'desc')
      .execute(),
    db
      .selectFrom('plans')
      .select((eb) => [
        'plans.id',
        'plans.title',
        'plans.forum',
        'plans.period',
        'plans.archived_at',
        eb
          .selectFrom('sections')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('sections.plan_id', '=', 'plans.id')
          .where('sections.deleted_at', 'is', null)
          .as('section_count'),
      ])
      .where('plans.helsefellesskap_id', '=', helsefellesskapId)
      .orderBy('plans.created_at')
      .execute(),
  ]);
  const at = now.toISOString();
  return {
    id: partnership.id,
    name: partnership.name,
    parties: parties.map(presentPartyAdmin),
    users: users.map(presentPersonAdmin),
    invitations: invitations.map((invitation) => presentInvitationAdmin(invitation, at)),
    plans: plans.map(presentPlanAdmin),
  };
}
