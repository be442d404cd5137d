import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from '../../http/errors.js';
import type { AppContext } from '../../routes/context.js';
import { oidcRoutes } from '../../routes/oidc.js';

describe('OpenID Connect not configured', () => {
  it('both routes answer oidc_not_configured: 404 for clients, /login?error= for browsers', async () => {
    const app = Fastify();
    await app.register(fastifyCookie);
    installErrorHandler(app);
    // Without OIDC_ISSUER the routes touch neither storage nor a provider.
    const ctx = { loginAttemptsPerAddressPerMinute: 60, logger: pino({ level: 'silent' }) } as AppContext;
    oidcRoutes(app, ctx, null);
    try {
      for (const url of ['/api/auth/oidc/login', '/api/auth/oidc/callback?code=x&state=y']) {
        const api = await app.inject({ url });
        expect(api.statusCode, url).toBe(404);
        expect(api.json()).toMatchObject({ error: { code: 'oidc_not_configured' } });
        const browser = await app.inject({ url, headers: { accept: 'text/html,*/*' } });
        expect(browser.statusCode, url).toBe(303);
        expect(browser.headers.location).toBe('/login?error=oidc_not_configured');
      }
    } finally {
      await app.close();
    }
  });
});
