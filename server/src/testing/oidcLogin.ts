import { SESSION_COOKIE } from '../auth/sessions.js';
import { CookieJar } from './cookieJar.js';
import type { TestOidcProvider } from './oidcProvider.js';

export interface OidcStep {
  status: number;
  /** The redirect target, or null when the answer was not a redirect. */
  location: string | null;
  /** The JSON error body of a refusal, when there is one. */
  body: unknown;
}

/** A browser that starts an OpenID Connect login at Fellesplan: where it is sent, with which cookies. */
export async function beginOidcLogin(
  baseUrl: string,
  query: { invitation?: string; returnTo?: string } = {},
  headers: Record<string, string> = {},
): Promise<OidcStep & { jar: CookieJar }> {
  const jar = new CookieJar();
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  const step = await browse(new URL(`/api/auth/oidc/login?${params}`, baseUrl), jar, headers);
  return { ...step, jar };
}

/** The browser arrives back at Fellesplan's callback: the answer and the session it got, if any. */
export async function finishOidcLogin(
  callback: URL,
  jar: CookieJar,
  headers: Record<string, string> = {},
): Promise<OidcStep & { session: string | null }> {
  const step = await browse(callback, jar, headers);
  return { ...step, session: jar.get(SESSION_COOKIE) ?? null };
}

/** The whole way: Fellesplan → the provider, signed in as `sub` → Fellesplan's callback. */
export async function oidcLogin(
  baseUrl: string,
  provider: TestOidcProvider,
  sub: string,
  query: { invitation?: string; returnTo?: string } = {},
): Promise<OidcStep & { session: string | null; jar: CookieJar; authorizationUrl: URL; callback: URL }> {
  const begun = await beginOidcLogin(baseUrl, query);
  if (begun.status !== 303 || !begun.location) throw new Error(`login did not start: ${JSON.stringify(begun.body)}`);
  const authorizationUrl = new URL(begun.location);
  const callback = await provider.authorize(authorizationUrl.href, sub);
  return { ...(await finishOidcLogin(callback, begun.jar)), jar: begun.jar, authorizationUrl, callback };
}

async function browse(url: URL, jar: CookieJar, headers: Record<string, string> = {}): Promise<OidcStep> {
  const response = await fetch(url, { redirect: 'manual', headers: { ...headers, cookie: jar.header() } });
  jar.store(response);
  const json = response.headers.get('content-type')?.includes('application/json');
  const text = await response.text();
  const body: unknown = json && text ? JSON.parse(text) : null;
  return { status: response.status, location: response.headers.get('location'), body };
}
