import * as client from 'openid-client';
import type { Logger } from 'pino';
import type { OidcConfig } from './oidcConfig.js';
import type { OidcLogin } from './oidcLogins.js';

/** Who the provider says signed in: `issuer` and `subject` name the person; the rest is profile. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  /** ID token claims over the token response's `authorization_details` over userinfo claims. */
  claims: Record<string, unknown>;
}

/** A new login's secrets: the state names it, the verifier proves the code is ours (PKCE). */
export function newOidcSecrets(): Pick<OidcLogin, 'state' | 'nonce' | 'codeVerifier'> {
  return { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
}

/**
 * The relying party: discovers the provider on first use (not at start, so a provider that is
 * down does not stop Fellesplan, and a failed discovery is tried again on the next login).
 */
export class OidcClient {
  #discovered: Promise<client.Configuration> | undefined;

  constructor(
    readonly config: OidcConfig,
    private readonly logger: Logger,
  ) {}

  configuration(): Promise<client.Configuration> {
    this.#discovered ??= this.#discover().catch((error: unknown) => {
      this.#discovered = undefined;
      throw error;
    });
    return this.#discovered;
  }

  #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret, allowHttp } = this.config;
    return client.discovery(
      new URL(issuer),
      clientId,
      clientSecret ? { client_secret: clientSecret } : undefined,
      clientSecret ? client.ClientSecretPost(clientSecret) : client.None(),
      { execute: allowHttp ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
  }

  /** Where to send the browser: an authorization code request with PKCE (S256), state and nonce. */
  async authorizationUrl(
    redirectUri: string,
    login: Pick<OidcLogin, 'state' | 'nonce' | 'codeVerifier'>,
  ): Promise<URL> {
    const configuration = await this.configuration();
    return client.buildAuthorizationUrl(configuration, {
      ...this.config.authParams,
      redirect_uri: redirectUri,
      scope: this.config.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(login.codeVerifier),
      code_challenge_method: 'S256',
      state: login.state,
      nonce: login.nonce,
    });
  }

  /**
   * Checks the provider's answer (state, `iss`), redeems the code with the PKCE verifier, checks
   * the ID token (signature, issuer, audience, nonce) and reads the person's claims. Throws on
   * anything that does not hold.
   */
  async identify(callbackUrl: URL, login: OidcLogin): Promise<OidcIdentity> {
    const configuration = await this.configuration();
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedState: login.state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error('the provider returned no ID token');
    let userinfo: Record<string, unknown> = {};
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      } catch (error) {
        // Who signed in is settled by the ID token; userinfo only adds profile claims.
        this.logger.warn({ err: error }, 'OpenID Connect userinfo failed; using the ID token alone');
      }
    }
    // Rich authorization details (Ansattporten's reportees) come with the token response.
    const granted = tokens.authorization_details ? { authorization_details: tokens.authorization_details } : {};
    return { issuer: idToken.iss, subject: idToken.sub, claims: { ...userinfo, ...granted, ...idToken } };
  }
}
