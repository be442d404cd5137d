import { adminRefusal, type ErrorCode } from '@fellesplan/domain';
import { assertAdminRemains } from './assertAdminRemains.js';
import { loadParty, loadPerson, type PersonRecord } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';
import { refreshPartyPlans } from './refreshPartyPlans.js';
import type { PartyRow } from '../storage/schema.js';

interface Placement {
  person: PersonRecord;
  /** The party the person moves to, when it is another one. */
  newParty: PartyRow | null;
}

/** What the person will be: the role given or kept, and whether their party changes. */
function outcome({ person, newParty }: Placement, role: string | undefined) {
  const nextRole = role ?? person.role;
  return {
    role: nextRole,
    partyKind: newParty?.kind ?? person.partyKind,
    moved: newParty !== null,
    demoted: person.role === 'admin' && nextRole !== 'admin',
  };
}

/**
 * `users.update`: an administrator renames a person, changes their role or moves them to another
 * party. A move or a demotion closes their open sockets, so each re-authenticates with what the
 * person may do now (a section of the old party is no longer writable).
 */
export const usersUpdate = defineCommand({
  name: 'users.update',
  async load(ctx, actor, input) {
    const target = await loadPerson(ctx, actor, input.userId);
    const moving = input.partyId !== undefined && input.partyId !== target.person.partyId;
    const newParty = moving && input.partyId ? (await loadParty(ctx, actor, input.partyId)).party : null;
    return { ...target, newParty };
  },
  authorize(actor, target, input): ErrorCode | null {
    const refusal = adminRefusal(actor);
    if (refusal) return refusal;
    if (target.newParty && target.newParty.deactivated_at !== null) return 'party_inactive';
    const next = outcome(target, input.role);
    return next.role === 'admin' && next.partyKind !== 'sekretariat' ? 'admin_requires_sekretariat' : null;
  },
  async change(trx, { input, target }) {
    const { person, newParty, helsefellesskapId } = target;
    const next = outcome(target, input.role);
    if (next.demoted) await assertAdminRemains(trx, helsefellesskapId, { userId: person.id });
    const changes = {
      ...(input.name !== undefined && input.name !== person.name ? { name: input.name } : {}),
      ...(next.role !== person.role ? { role: next.role } : {}),
      ...(newParty ? { party_id: newParty.id } : {}),
    };
    if (Object.keys(changes).length > 0) {
      await trx.updateTable('users').set(changes).where('id', '=', person.id).execute();
    }
    return {
      result: { ok: true },
      audit: {
        admin: 'user.updated',
        payload: {
          userId: person.id,
          before: { name: person.name, role: person.role, partyId: person.partyId },
          changes: {
            ...(changes.name !== undefined ? { name: changes.name } : {}),
            ...(changes.role !== undefined ? { role: changes.role } : {}),
            ...(changes.party_id !== undefined ? { partyId: changes.party_id } : {}),
          },
        },
      },
    };
  },
  async after(ctx, { input, target }) {
    const { person, newParty } = target;
    const next = outcome(target, input.role);
    // Open sockets carry the person as they were: the move or demotion must reach them now.
    if (next.moved || next.demoted) await ctx.accessChanges.publish({ kind: 'user', userId: person.id, ended: false });
    // Plans list their members by name and party.
    if (next.moved || (input.name !== undefined && input.name !== person.name)) {
      await refreshPartyPlans(ctx, newParty ? [person.partyId, newParty.id] : [person.partyId]);
    }
  },
});
