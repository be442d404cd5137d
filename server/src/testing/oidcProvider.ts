import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Adapter, type AdapterPayload, type Configuration, type JWK } from 'oidc-provider';
import type { OidcConfig } from '../auth/oidc/oidcConfig.js';
import { CookieJar } from './cookieJar.js';

export const TEST_CLIENT_ID = 'fellesplan';
const TEST_CLIENT_SECRET = 'fellesplan-test-secret-that-is-long-enough';

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`, as Fellesplan is configured with it. */
  issuer: string;
  /** The query of every authorization request the provider received, in order. */
  authorizationRequests: URLSearchParams[];
  /** Fellesplan's OpenID Connect configuration for this provider. */
  clientConfig(overrides?: Partial<OidcConfig>): OidcConfig;
  /** Registers Fellesplan as the client; done once its address (the redirect URI) is known. */
  registerClient(redirectUri: string): void;
  /** A person the provider can sign in: `sub` is the account id; the rest are the claims it states. */
  addAccount(sub: string, claims: Record<string, unknown>): void;
  /**
   * A fresh browser at the provider that follows an authorization URL, signs in as `sub`
   * (the provider's login step, done by `interactionFinished`), and returns where the provider
   * sends it back: Fellesplan's callback with `code` and `state`.
   */
  authorize(authorizationUrl: string, sub: string): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1 and a random port: discovery,
 * authorization with PKCE, token, userinfo and JWKS endpoints. Its login step has no form: the
 * test names the account and the interaction is finished with it.
 */
export async function startOidcProvider(): Promise<TestOidcProvider> {
  const accounts = new Map<string, Record<string, unknown>>();
  const authorizationRequests: URLSearchParams[] = [];
  let provider: Provider | undefined;
  let handle: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | undefined;

  const server = createServer((req, res) => {
    if (!provider || !handle) {
      res.writeHead(503).end('no client registered yet');
    } else if (req.url?.startsWith('/interaction/')) {
      finishInteraction(provider, req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    } else {
      void handle(req, res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  return {
    issuer,
    authorizationRequests,
    clientConfig(overrides = {}) {
      return {
        issuer,
        clientId: TEST_CLIENT_ID,
        clientSecret: TEST_CLIENT_SECRET,
        scopes: 'openid profile email',
        redirectUri: null,
        label: 'Testinnlogging',
        orgClaim: null,
        authParams: {},
        allowHttp: true,
        ...overrides,
      };
    },
    registerClient(redirectUri) {
      const configuration: Configuration = {
        clients: [
          {
            client_id: TEST_CLIENT_ID,
            client_secret: TEST_CLIENT_SECRET,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_post',
          },
        ],
        adapter: mapAdapter(new Map()),
        jwks: { keys: [{ ...(signingKey as JWK), kid: 'test', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: ['oidc-provider-test-cookie-key'] },
        claims: {
          openid: ['sub'],
          profile: ['name', 'given_name', 'family_name', 'reportees'],
          email: ['email', 'email_verified'],
        },
        features: { devInteractions: { enabled: false } },
        ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
        renderError: (ctx, out) => {
          ctx.type = 'json';
          ctx.body = out;
        },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        pkce: { required: () => true },
        findAccount: (_ctx, sub) => {
          const claims = accounts.get(sub);
          return claims ? { accountId: sub, claims: () => ({ ...claims, sub }) } : undefined;
        },
        // First-party client: the grant is given without a consent step.
        loadExistingGrant: async (ctx) => {
          const { client, session } = ctx.oidc;
          if (!client || !session?.accountId) return undefined;
          const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
          if (grantId) return ctx.oidc.provider.Grant.find(grantId);
          const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
          grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
          await grant.save();
          return grant;
        },
      };
      provider = new Provider(issuer, configuration);
      provider.use(async (ctx, next) => {
        if (ctx.method === 'GET' && ctx.path === '/auth')
          authorizationRequests.push(new URLSearchParams(ctx.querystring));
        await next();
      });
      handle = provider.callback();
    },
    addAccount(sub, claims) {
      accounts.set(sub, claims);
    },
    async authorize(authorizationUrl, sub) {
      const jar = new CookieJar();
      let url = new URL(authorizationUrl);
      for (let hop = 0; hop < 10; hop++) {
        if (url.origin !== issuer) return url;
        if (url.pathname.startsWith('/interaction/')) url.searchParams.set('account', sub);
        const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
        jar.store(response);
        const location = response.headers.get('location');
        const body = await response.text();
        if (!location) throw new Error(`the provider answered ${response.status} at ${url.pathname}: ${body}`);
        url = new URL(location, url);
      }
      throw new Error('the provider redirected more than 10 times');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The provider's login step, done for the account the test named in `?account=`. */
async function finishInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const accountId = new URL(req.url ?? '/', 'http://provider.invalid').searchParams.get('account');
  if (details.prompt.name !== 'login' || !accountId) {
    res.writeHead(400).end(`cannot finish the ${details.prompt.name} step`);
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
}

/** The provider's storage for one test provider; stands in for its default, which warns that it is for development. */
function mapAdapter(store: Map<string, AdapterPayload>): (model: string) => Adapter {
  return (model) => {
    const key = (id: string) => `${model}:${id}`;
    const findBy = (field: 'uid' | 'userCode', value: string) =>
      [...store].find(([k, payload]) => k.startsWith(`${model}:`) && payload[field] === value)?.[1];
    return {
      upsert: async (id, payload) => void store.set(key(id), payload),
      find: async (id) => store.get(key(id)),
      findByUid: async (uid) => findBy('uid', uid),
      findByUserCode: async (userCode) => findBy('userCode', userCode),
      consume: async (id) => {
        const payload = store.get(key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => void store.delete(key(id)),
      // A replayed code revokes everything issued under its grant.
      revokeByGrantId: async (grantId) => {
        for (const [k, payload] of store) if (payload.grantId === grantId) store.delete(k);
      },
    };
  };
}
