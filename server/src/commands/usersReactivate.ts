import { adminRefusal, DomainError } from '@fellesplan/domain';
import { loadPerson } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';

/** `users.reactivate`: the person can sign in again (into an active party only). */
export const usersReactivate = defineCommand({
  name: 'users.reactivate',
  load: (ctx, actor, input) => loadPerson(ctx, actor, input.userId),
  authorize(actor, { person }) {
    return adminRefusal(actor) ?? (person.partyDeactivatedAt !== null ? 'party_inactive' : null);
  },
  async change(trx, { target: { person } }) {
    const updated = await trx
      .updateTable('users')
      .set({ deactivated_at: null })
      .where('id', '=', person.id)
      .where('deactivated_at', 'is not', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new DomainError('already_active');
    return {
      result: { ok: true },
      audit: { admin: 'user.reactivated', payload: { userId: person.id, email: person.email } },
    };
  },
});
