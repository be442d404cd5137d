import { adminRefusal, DomainError } from '@fellesplan/domain';
import { loadInvitation } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';

/** `invitations.revoke`: a pending invitation's link stops working (accepted ones stay: 409). */
export const invitationsRevoke = defineCommand({
  name: 'invitations.revoke',
  load: (ctx, actor, input) => loadInvitation(ctx, actor, input.invitationId),
  authorize: (actor) => adminRefusal(actor),
  async change(trx, { target: { invitation }, at }) {
    // Conditional, like accepting: of a revoke and an accept at once, exactly one wins.
    const updated = await trx
      .updateTable('invitations')
      .set({ revoked_at: at })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const now = await trx
        .selectFrom('invitations')
        .select('accepted_at')
        .where('id', '=', invitation.id)
        .executeTakeFirstOrThrow();
      throw new DomainError(now.accepted_at !== null ? 'invitation_used' : 'already_inactive');
    }
    return {
      result: { ok: true },
      audit: { admin: 'invitation.revoked', payload: { invitationId: invitation.id, email: invitation.email } },
    };
  },
});
