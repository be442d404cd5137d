import { randomUUID } from 'node:crypto';
import { adminRefusal, DomainError, INVITATION_DAYS } from '@fellesplan/domain';
import { newInvitationToken } from '../auth/invitations.js';
import { invitationEmail } from '../mail/invitationEmail.js';
import { loadParty } from './partnershipTargets.js';
import { defineCommand } from './pipeline.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * `invitations.create`: an administrator invites a person by e-mail into a party. The answer
 * carries the link (the only place its token ever is, besides the e-mail); the database keeps
 * only the token's hash. A newer invitation to the same address replaces a pending one. With
 * `SMTP_URL` set the link is also e-mailed; a failing mail server loses nothing (`emailed:false`).
 */
export const invitationsCreate = defineCommand({
  name: 'invitations.create',
  async load(ctx, actor, input) {
    const target = await loadParty(ctx, actor, input.partyId);
    const partnership = await ctx.db
      .selectFrom('helsefellesskap')
      .select('name')
      .where('id', '=', actor.helsefellesskapId)
      .executeTakeFirstOrThrow();
    return { ...target, partnershipName: partnership.name };
  },
  authorize(actor, { party }, input) {
    const refusal = adminRefusal(actor);
    if (refusal) return refusal;
    if (party.deactivated_at !== null) return 'party_inactive';
    return input.role === 'admin' && party.kind !== 'sekretariat' ? 'admin_requires_sekretariat' : null;
  },
  async change(trx, { actor, input, target: { party }, at, request }) {
    if (!request.baseUrl) throw new Error('invitations.create needs the base URL of its links');
    const taken = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (taken) throw new DomainError('email_taken');
    const replaced = await trx
      .updateTable('invitations')
      .set({ revoked_at: at })
      .where('helsefellesskap_id', '=', actor.helsefellesskapId)
      .where('email', '=', input.email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning('id')
      .execute();
    const id = randomUUID();
    const { token, tokenHash } = newInvitationToken();
    const expiresAt = new Date(Date.parse(at) + INVITATION_DAYS * DAY_MS).toISOString();
    await trx
      .insertInto('invitations')
      .values({
        id,
        token_hash: tokenHash,
        helsefellesskap_id: actor.helsefellesskapId,
        party_id: party.id,
        email: input.email,
        name: input.name,
        role: input.role,
        invited_by: actor.userId,
        created_at: at,
        expires_at: expiresAt,
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
      })
      .execute();
    return {
      result: { id, url: `${request.baseUrl}/invite/${token}`, expiresAt, emailed: false },
      audit: {
        admin: 'invitation.created',
        // Never the link: whoever reads the log must not be able to accept it.
        payload: {
          invitationId: id,
          partyId: party.id,
          email: input.email,
          name: input.name,
          role: input.role,
          expiresAt,
          replaced: replaced.map((row) => row.id),
        },
      },
    };
  },
  async after(ctx, { actor, input, target: { party, partnershipName }, result }) {
    if (!ctx.mailer) return;
    const emailed = await ctx.mailer.send(
      invitationEmail({
        to: input.email,
        name: input.name,
        partyName: party.name,
        partnershipName,
        invitedBy: actor.name,
        role: input.role,
        url: result.url,
        expiresAt: result.expiresAt,
      }),
    );
    if (!emailed) ctx.logger.warn({ invitationId: result.id }, 'invitation kept, but its e-mail was not sent');
    return { ...result, emailed };
  },
});
