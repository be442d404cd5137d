import { DomainError, type ErrorCode } from '@fellesplan/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { usableInvitation } from '../auth/invitations.js';
import { newOidcSecrets, OidcClient } from '../auth/oidc/oidcClient.js';
import { OIDC_CALLBACK_PATH, type OidcConfig } from '../auth/oidc/oidcConfig.js';
import { OIDC_LOGIN_MINUTES, saveOidcLogin, takeOidcLogin } from '../auth/oidc/oidcLogins.js';
import { resolveOidcUser } from '../auth/oidc/resolveOidcUser.js';
import { safeReturnTo } from '../auth/oidc/safeReturnTo.js';
import { createSession, hashToken } from '../auth/sessions.js';
import { sendError } from '../http/errors.js';
import { setSessionCookie } from '../http/sessionCookie.js';
import type { AppContext } from './context.js';

const OIDC_PATH = '/api/auth/oidc';
/**
 * Ties a login to the browser that started it: the callback is refused without it, so nobody
 * can hand someone else a callback link that signs them in as the sender (login CSRF). It also
 * carries the invitation token, of which the server keeps only the hash.
 */
const LOGIN_COOKIE = 'fp_oidc';

const loginQuery = z.object({
  invitation: z.string().min(1).max(200).optional(),
  returnTo: z.string().optional(),
});
const callbackQuery = z.object({ state: z.string().max(200).optional() });

/**
 * `GET /api/auth/oidc/login?invitation=&returnTo=` sends the browser to the provider;
 * `GET /api/auth/oidc/callback` takes it back, signs the person in and sends them on. Browsers
 * get refusals as a redirect to `/login?error=<code>`, other clients as the usual JSON error.
 */
export function oidcRoutes(app: FastifyInstance, ctx: AppContext, config: OidcConfig | null | undefined): void {
  const oidc = config ? new OidcClient(config, ctx.logger) : null;
  // Each login stores a row: an address gets as many as it gets password attempts.
  const rateLimit = { rateLimit: { max: ctx.loginAttemptsPerAddressPerMinute, timeWindow: 60_000 } };

  app.get(`${OIDC_PATH}/login`, { config: rateLimit }, async (request, reply) => {
    if (!oidc) return refuse(request, reply, 'oidc_not_configured');
    const query = loginQuery.safeParse(request.query);
    if (!query.success) return refuse(request, reply, 'invalid_input');
    const invitation = query.data.invitation ?? null;
    const secrets = newOidcSecrets();
    let location: URL;
    try {
      if (invitation) await usableInvitation(ctx.db, invitation);
      location = await oidc.authorizationUrl(redirectUri(request, oidc.config), secrets);
    } catch (error) {
      if (error instanceof DomainError) return refuse(request, reply, error.code);
      request.log.error({ err: error }, 'OpenID Connect provider unavailable');
      return refuse(request, reply, 'oidc_failed');
    }
    await saveOidcLogin(ctx.db, {
      ...secrets,
      invitationTokenHash: invitation ? hashToken(invitation) : null,
      returnTo: safeReturnTo(query.data.returnTo),
    });
    void reply.setCookie(LOGIN_COOKIE, invitation ? `${secrets.state}.${invitation}` : secrets.state, {
      path: OIDC_PATH,
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level GET navigation, which carries it.
      sameSite: 'lax',
      secure: request.protocol === 'https',
      maxAge: OIDC_LOGIN_MINUTES * 60,
    });
    return reply.redirect(location.href, 303);
  });

  app.get(OIDC_CALLBACK_PATH, { config: rateLimit }, async (request, reply) => {
    if (!oidc) return refuse(request, reply, 'oidc_not_configured');
    const state = callbackQuery.safeParse(request.query).data?.state;
    // Taken out on first use: a replayed or forged callback finds nothing.
    const login = state ? await takeOidcLogin(ctx.db, state) : null;
    const cookie = request.cookies[LOGIN_COOKIE] ?? '';
    // A forged callback does not end the login this browser has under way.
    if (login) void reply.clearCookie(LOGIN_COOKIE, { path: OIDC_PATH });
    const [boundState, invitationToken = null] = splitOnce(cookie, '.');
    if (!login || boundState !== login.state) {
      request.log.info({ known: login !== null }, 'OpenID Connect callback with an unknown, used or unbound state');
      return refuse(request, reply, 'oidc_failed');
    }
    if (login.invitationTokenHash !== (invitationToken ? hashToken(invitationToken) : null)) {
      request.log.info('OpenID Connect callback without the invitation its login started with');
      return refuse(request, reply, 'oidc_failed');
    }
    try {
      const identity = await oidc.identify(callbackUrl(request, oidc.config), login).catch((error: unknown) => {
        request.log.info({ err: error }, 'OpenID Connect answer refused');
        throw new DomainError('oidc_failed');
      });
      const { userId, linkedBy } = await resolveOidcUser(ctx.db, identity, {
        invitationToken,
        orgClaim: oidc.config.orgClaim,
        logger: request.log,
      });
      const token = await createSession(ctx.db, userId);
      setSessionCookie(request, reply, token);
      request.log.info({ userId, via: 'oidc', linkedBy }, 'logged in');
      return reply.redirect(login.returnTo ?? '/', 303);
    } catch (error) {
      if (error instanceof DomainError) return refuse(request, reply, error.code);
      request.log.error({ err: error }, 'OpenID Connect login failed');
      return refuse(request, reply, 'internal');
    }
  });
}

/** Where the provider sends the browser back: as configured, or this server as the browser reached it. */
function redirectUri(request: FastifyRequest, config: OidcConfig): string {
  return config.redirectUri ?? `${request.protocol}://${request.host}${OIDC_CALLBACK_PATH}`;
}

/** The provider's answer as openid-client reads it: the redirect URI with this request's query. */
function callbackUrl(request: FastifyRequest, config: OidcConfig): URL {
  const url = new URL(redirectUri(request, config));
  const query = request.url.indexOf('?');
  url.search = query === -1 ? '' : request.url.slice(query);
  return url;
}

function refuse(request: FastifyRequest, reply: FastifyReply, code: ErrorCode) {
  if (request.headers.accept?.includes('text/html'))
    return reply.redirect(`/login?error=${encodeURIComponent(code)}`, 303);
  return sendError(request, reply, code);
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}
