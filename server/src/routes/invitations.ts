import {
  acceptInvitationInput,
  DomainError,
  type InvitationPreview,
  type Role,
  type SessionView,
} from '@fellesplan/domain';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { acceptInvitation, usableInvitation } from '../auth/invitations.js';
import { hashPassword } from '../auth/password.js';
import { refreshPartyPlans } from '../commands/refreshPartyPlans.js';
import { addressLimit } from '../http/addressLimit.js';
import { startSession } from '../http/sessionCookie.js';
import type { AppContext } from './context.js';

const tokenParams = z.object({ token: z.string().min(1).max(200) });

/** An invitation link, opened: what it offers (`GET`), and accepting it with a password (`POST …/accept`). */
export function invitationRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Tokens cannot be guessed, but an accept costs scrypt work: limited per address like logins.
  const onRequest = addressLimit(app, { name: 'invitation', max: ctx.loginAttemptsPerMinute });

  app.get('/api/invitations/:token', { onRequest }, async (request): Promise<InvitationPreview> => {
    const { token } = tokenParams.parse(request.params);
    const invitation = await usableInvitation(ctx.db, token);
    const where = await ctx.db
      .selectFrom('parties')
      .innerJoin('helsefellesskap', 'helsefellesskap.id', 'parties.helsefellesskap_id')
      .select(['parties.name as partyName', 'helsefellesskap.name as partnershipName'])
      .where('parties.id', '=', invitation.party_id)
      .executeTakeFirstOrThrow();
    return {
      name: invitation.name,
      email: invitation.email,
      partyName: where.partyName,
      partnershipName: where.partnershipName,
      role: invitation.role as Role,
      expiresAt: invitation.expires_at,
      passwords: ctx.localPasswords,
      oidc: ctx.oidcMethod,
    };
  });

  app.post('/api/invitations/:token/accept', { onRequest }, async (request, reply): Promise<SessionView> => {
    const { token } = tokenParams.parse(request.params);
    // A password nobody could sign in with is not set.
    if (!ctx.localPasswords) throw new DomainError('passwords_disabled');
    const input = acceptInvitationInput.parse(request.body);
    // Before the scrypt work: a dead link costs nothing.
    await usableInvitation(ctx.db, token);
    const passwordHash = await ctx.passwordWork.run(request.ip, () => hashPassword(input.password));
    const { userId, invitation } = await acceptInvitation(ctx.db, token, {
      name: input.name,
      credential: { passwordHash },
    });
    request.log.info({ userId, invitationId: invitation.id }, 'invitation accepted');
    // The party's plans list their members.
    await refreshPartyPlans(ctx, [invitation.party_id]);
    return startSession(ctx.db, request, reply, userId);
  });
}
