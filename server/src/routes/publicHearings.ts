import { timingSafeEqual } from 'node:crypto';
import {
  DomainError,
  hearingResponseInput,
  isPlanMember,
  type HearingSectionView,
  type PublicHearingView,
} from '@fellesplan/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { tokenFromAuthorizationHeader } from '../auth/requestToken.js';
import { findSessionUser, type SessionUser } from '../auth/sessions.js';
import { receiptHash, submitHearingResponse } from '../commands/hearingResponsesSubmit.js';
import { requestToken } from '../http/authenticate.js';
import { linkBase } from '../http/linkBase.js';
import { frozenSections, publicHearingView } from '../queries/hearingsView.js';
import { findHearingByToken } from '../storage/repositories/hearings.js';
import { findPlan } from '../storage/repositories/plans.js';
import type { HearingRow } from '../storage/schema.js';
import type { AppContext } from './context.js';

export const tokenParams = z.object({ token: z.string().max(200) });
export const receiptParams = tokenParams.extend({ reference: z.string().max(40) });
export const receiptQuery = z.object({
  secret: z.string().max(200).default(''),
  format: z.enum(['text', 'json']).default('text'),
});

/** A response carries up to 200 remarks of 10,000 characters: generous, and bounded. */
const RESPONSE_BODY_LIMIT = 1024 * 1024;

const osloTime = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo',
  dateStyle: 'long',
  timeStyle: 'short',
});

/**
 * [HR8] Whether a request that authenticates by cookie was sent from another site. A browser
 * says so in `Sec-Fetch-Site`, else in `Origin`; a client that sends neither is no browser
 * carrying someone's cookie. The session cookie is SameSite=Lax, so this is the second lock.
 */
function crossSite(ctx: AppContext, request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site !== 'same-origin' && site !== 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return false;
  const own = `${request.protocol}://${request.headers.host ?? request.host}`;
  return origin !== own && origin !== linkBase(ctx, request);
}

/**
 * The public face of hearings [HR4]: the frozen draft and a way to respond, for anyone with the
 * link and no account. The link grants nothing else: it is no session, and reads nothing live.
 */
export function publicHearingRoutes(app: FastifyInstance, ctx: AppContext): void {
  async function hearingOf(request: FastifyRequest, reply: FastifyReply): Promise<HearingRow> {
    // A response must never be kept by a cache between the respondent and us.
    void reply.header('cache-control', 'no-store');
    const { token } = tokenParams.parse(request.params);
    const hearing = await findHearingByToken(ctx.db, token);
    if (!hearing) throw new DomainError('not_found');
    return hearing;
  }

  async function sessionUser(request: FastifyRequest): Promise<SessionUser | null> {
    const token = requestToken(request);
    return token ? findSessionUser(ctx.db, token) : null;
  }

  app.get('/api/public/hearings/:token', async (request, reply): Promise<PublicHearingView> => {
    const hearing = await hearingOf(request, reply);
    const user = await sessionUser(request);
    let member: PublicHearingView['member'] = null;
    if (user) {
      const plan = await findPlan(ctx.db, hearing.plan_id);
      const party = plan && isPlanMember(user, plan) ? plan.parties.find((p) => p.id === user.partyId) : undefined;
      if (party) member = { partyId: party.id, partyName: party.name };
    }
    return publicHearingView(ctx.db, hearing, ctx.clock(), member);
  });

  app.post(
    '/api/public/hearings/:token/responses',
    { bodyLimit: RESPONSE_BODY_LIMIT },
    async (request, reply): Promise<{ id: string; reference: string; receiptUrl: string }> => {
      const hearing = await hearingOf(request, reply);
      const input = hearingResponseInput.parse(request.body ?? {});
      // Counted once the body is a response: a respondent correcting a typo is not held back by it.
      await ctx.hearingLimits.charge(hearing.id, request.ip);
      let member: SessionUser | null = null;
      if (input.onBehalfOfParty) {
        member = await sessionUser(request);
        if (!member) throw new DomainError('unauthenticated');
        const byCookie = tokenFromAuthorizationHeader(request.headers.authorization) === null;
        if (byCookie && crossSite(ctx, request)) throw new DomainError('cross_site_request');
        const plan = await findPlan(ctx.db, hearing.plan_id);
        if (!plan || !isPlanMember(member, plan)) throw new DomainError('forbidden');
      }
      const submitted = await submitHearingResponse(ctx, hearing, input, member);
      // Members watching the plan see the response arrive.
      await ctx.projection.refresh(hearing.plan_id).catch((error: unknown) => {
        request.log.error({ err: error, planId: hearing.plan_id }, 'projection refresh failed');
      });
      const base = linkBase(ctx, request);
      const receiptUrl =
        `${base}/api/public/hearings/${hearing.public_token}/responses/${submitted.reference}/receipt` +
        `?secret=${submitted.receiptSecret}`;
      return { id: submitted.id, reference: submitted.reference, receiptUrl };
    },
  );

  app.get('/api/public/hearings/:token/responses/:reference/receipt', async (request, reply) => {
    const hearing = await hearingOf(request, reply);
    const { reference } = receiptParams.parse(request.params);
    const { secret, format } = receiptQuery.parse(request.query);
    const response = await ctx.db
      .selectFrom('hearing_responses')
      .selectAll()
      .where('hearing_id', '=', hearing.id)
      .where('reference', '=', reference)
      .executeTakeFirst();
    const expected = Buffer.from(response?.receipt_hash ?? '', 'hex');
    const given = Buffer.from(receiptHash(secret), 'hex');
    // [HR8] Only the link the respondent got opens their receipt; any other answer is "no such receipt".
    if (!response || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      throw new DomainError('not_found');
    }
    const remarks = await ctx.db
      .selectFrom('hearing_remarks')
      .select(['section_id', 'quote', 'text', 'proposed_text'])
      .where('response_id', '=', response.id)
      .orderBy('position')
      .execute();
    const { sections } = await frozenSections(ctx.db, hearing.version_id);
    const receipt = {
      reference: response.reference,
      at: response.created_at,
      hearing: hearing.title,
      name: response.name,
      organisation: response.organisation,
      statement: response.statement,
      remarks: remarks.map((r) => ({
        sectionId: r.section_id,
        section: sectionLabel(sections, r.section_id),
        quote: r.quote,
        text: r.text,
        proposedText: r.proposed_text,
      })),
    };
    if (format === 'json') return receipt;
    return reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('content-disposition', `attachment; filename="kvittering-${response.reference}.txt"`)
      .send(receiptText(receipt));
  });
}

function sectionLabel(sections: readonly HearingSectionView[], sectionId: string): string {
  const section = sections.find((s) => s.id === sectionId);
  return section ? `${section.number} ${section.title}` : '';
}

/** The receipt as a plain text file the respondent keeps: in bokmål, the language of the hearing. */
function receiptText(receipt: {
  reference: string;
  at: string;
  hearing: string;
  name: string;
  organisation: string | null;
  statement: string | null;
  remarks: { section: string; quote: string | null; text: string; proposedText: string | null }[];
}): string {
  const lines = [
    `Kvittering for høringsinnspill ${receipt.reference}`,
    '',
    `Høring: ${receipt.hearing}`,
    `Mottatt: ${osloTime.format(new Date(receipt.at))}`,
    `Fra: ${receipt.name}${receipt.organisation ? `, ${receipt.organisation}` : ''}`,
    '',
  ];
  if (receipt.statement) lines.push('Uttalelse:', receipt.statement, '');
  receipt.remarks.forEach((remark, index) => {
    lines.push(`Merknad ${index + 1} til ${remark.section}:`);
    if (remark.quote) lines.push(`Sitat: «${remark.quote}»`);
    lines.push(remark.text);
    if (remark.proposedText) lines.push(`Forslag til ny tekst: ${remark.proposedText}`);
    lines.push('');
  });
  return lines.join('\n');
}
