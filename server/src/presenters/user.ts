import type { ProfileView, Role, UserView } from '@fellesplan/domain';
import type { SessionUser } from '../auth/sessions.js';
import type { UserRow } from '../storage/schema.js';

/** A person as the session and profile answers show them; the columns read by `loadUserRecord`. */
export interface UserRecord extends Pick<UserRow, 'id' | 'name' | 'email' | 'party_id' | 'role' | 'language'> {
  party_name: string;
  party_kind: string;
  helsefellesskap_id: string;
  helsefellesskap_name: string;
}

export function presentUser(user: UserRecord): UserView {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    partyId: user.party_id,
    role: user.role as Role,
    language: languageOf(user),
    helsefellesskap: { id: user.helsefellesskap_id, name: user.helsefellesskap_name },
  };
}

export function presentProfile(user: UserRecord): ProfileView {
  return {
    ...presentUser(user),
    role: user.role as Role,
    language: languageOf(user),
    helsefellesskap: { id: user.helsefellesskap_id, name: user.helsefellesskap_name },
    party: { id: user.party_id, name: user.party_name, kind: user.party_kind },
  };
}

/** The person as an actor of commands, as their session would present them (the demo acts so). */
export function actorOf(user: UserRecord): SessionUser {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    partyId: user.party_id,
    partyKind: user.party_kind,
    helsefellesskapId: user.helsefellesskap_id,
    role: user.role as Role,
  };
}

function languageOf(user: Pick<UserRecord, 'language'>): 'nb' | 'nn' | null {
  return user.language === 'nb' || user.language === 'nn' ? user.language : null;
}
