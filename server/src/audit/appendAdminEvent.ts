import { randomUUID } from 'node:crypto';
import { canonicalJson, type AdminEventType } from '@fellesplan/domain';
import type { Transaction } from 'kysely';
import type { SessionUser } from '../auth/sessions.js';
import type { Database } from '../storage/schema.js';

/**
 * Records an administrative act (parties, people, invitations) in the helsefellesskap's log,
 * inside the command's transaction, so the act and its record commit together.
 */
export async function appendAdminEvent(
  trx: Transaction<Database>,
  event: {
    helsefellesskapId: string;
    actor: Pick<SessionUser, 'userId' | 'partyId'>;
    type: AdminEventType;
    payload: Record<string, unknown>;
    at: string;
  },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('admin_events')
    .values({
      id,
      helsefellesskap_id: event.helsefellesskapId,
      type: event.type,
      actor_user_id: event.actor.userId,
      actor_party_id: event.actor.partyId,
      payload: canonicalJson(event.payload),
      at: event.at,
    })
    .execute();
  return id;
}
