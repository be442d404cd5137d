import { DomainError } from '@fellesplan/domain';
import type { UserRecord } from '../presenters/user.js';
import type { Db } from '../storage/database.js';

/** A person with their party and helsefellesskap, for the session and profile answers. */
export async function loadUserRecord(db: Db, userId: string): Promise<UserRecord> {
  const row = await db
    .selectFrom('users')
    .innerJoin('parties', 'parties.id', 'users.party_id')
    .innerJoin('helsefellesskap', 'helsefellesskap.id', 'parties.helsefellesskap_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.party_id',
      'users.role',
      'users.language',
      'parties.name as party_name',
      'parties.kind as party_kind',
      'helsefellesskap.id as helsefellesskap_id',
      'helsefellesskap.name as helsefellesskap_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!row) throw new DomainError('unauthenticated');
  return row;
}
