import type { UserView } from '@fellesplan/domain';
import type { UserRow } from '../storage/schema.js';

export function presentUser(user: Pick<UserRow, 'id' | 'name' | 'email' | 'party_id'>): UserView {
  return { id: user.id, name: user.name, email: user.email, partyId: user.party_id };
}
