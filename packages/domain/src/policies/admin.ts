import type { PartnershipActor } from '../admin/vocabulary.js';

/**
 * Administration of a helsefellesskap (parties, people, plans and their structure) is for its
 * administrators: people with the admin role in a sekretariat party. Null when the actor may.
 */
export function adminRefusal(actor: Pick<PartnershipActor, 'role' | 'partyKind'>): 'admin_only' | null {
  return actor.role === 'admin' && actor.partyKind === 'sekretariat' ? null : 'admin_only';
}

export function isAdministrator(actor: Pick<PartnershipActor, 'role' | 'partyKind'>): boolean {
  return adminRefusal(actor) === null;
}
