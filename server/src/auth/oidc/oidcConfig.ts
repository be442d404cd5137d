/** How Fellesplan signs people in through an OpenID Connect provider (ID-porten, Ansattporten, Entra ID …). */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document is read from it. */
  issuer: string;
  clientId: string;
  /** `null` for a public client (PKCE only); otherwise sent as `client_secret_post`. */
  clientSecret: string | null;
  /** Space-separated, always including `openid`. @default 'openid profile email' */
  scopes: string;
  /** Where the provider sends the browser back; `null`: this server's origin + `OIDC_CALLBACK_PATH`. */
  redirectUri: string | null;
  /** Text of the login button. @default 'OpenID Connect' */
  label: string;
  /** Dot path of the claim holding an organisation number (`orgno`, `authorization_details.reportees.ID`); `null`: no party by claim. */
  orgClaim: string | null;
  /** Extra authorization request parameters (`acr_values`, `authorization_details`, `domain_hint` …). */
  authParams: Record<string, string>;
  /** Accept an `http://` issuer: local tests and development only. */
  allowHttp: boolean;
}

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

/** Parameters Fellesplan sets itself: configuration may not weaken or replace them. */
const RESERVED_PARAMS = new Set([
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'request',
  'request_uri',
]);

/** The OpenID Connect configuration, or `null` when `OIDC_ISSUER` is unset; a bad setting stops the start. */
export function oidcConfigFromEnv(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const allowHttp = env.OIDC_ALLOW_HTTP === '1';
  const issuerUrl = absoluteUrl('OIDC_ISSUER', issuer);
  if (issuerUrl.protocol !== 'https:' && !(allowHttp && issuerUrl.protocol === 'http:'))
    throw new Error('OIDC_ISSUER must be an https:// URL (OIDC_ALLOW_HTTP=1 allows http:// in tests and development)');
  const clientId = env.OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  const scopes = (env.OIDC_SCOPES ?? 'openid profile email').split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new Error(`OIDC_SCOPES must include openid, got ${env.OIDC_SCOPES}`);
  return {
    issuer,
    clientId,
    clientSecret: env.OIDC_CLIENT_SECRET || null,
    scopes: scopes.join(' '),
    redirectUri: redirectUriFromEnv(env),
    label: env.OIDC_LABEL?.trim() || 'OpenID Connect',
    orgClaim: orgClaimFromEnv(env.OIDC_ORG_CLAIM),
    authParams: authParamsFromEnv(env.OIDC_AUTH_PARAMS),
    allowHttp,
  };
}

/** What `GET /api/auth/methods` tells the login page about OpenID Connect: its button, or none. */
export function oidcMethod(config: OidcConfig | null | undefined): { label: string } | null {
  return config ? { label: config.label } : null;
}

function redirectUriFromEnv(env: NodeJS.ProcessEnv): string | null {
  if (env.OIDC_REDIRECT_URI?.trim()) return absoluteUrl('OIDC_REDIRECT_URI', env.OIDC_REDIRECT_URI.trim()).href;
  if (env.PUBLIC_URL?.trim()) {
    const base = absoluteUrl('PUBLIC_URL', env.PUBLIC_URL.trim());
    return new URL(`${base.pathname.replace(/\/+$/, '')}${OIDC_CALLBACK_PATH}`, base).href;
  }
  return null;
}

function orgClaimFromEnv(value: string | undefined): string | null {
  const path = value?.trim();
  if (!path) return null;
  if (path.split('.').some((segment) => segment === ''))
    throw new Error(`OIDC_ORG_CLAIM must be a claim name or a dot path such as org.number, got ${value}`);
  return path;
}

function authParamsFromEnv(value: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, setting] of new URLSearchParams(value?.trim() ?? '')) {
    if (RESERVED_PARAMS.has(name)) throw new Error(`OIDC_AUTH_PARAMS may not set ${name}: Fellesplan sets it itself`);
    params[name] = setting;
  }
  return params;
}

function absoluteUrl(name: string, value: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL, got ${value}`);
  }
}
