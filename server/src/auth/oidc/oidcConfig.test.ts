import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../config.js';
import { oidcConfigFromEnv, oidcMethod } from './oidcConfig.js';

const ENTRA = 'https://login.microsoftonline.com/8a5b1c9e-0000-4000-8000-000000000000/v2.0';

describe('OIDC_* configuration', () => {
  it('is off without OIDC_ISSUER: no button on the login page', () => {
    expect(oidcConfigFromEnv({})).toBeNull();
    expect(configFromEnv({}).oidc).toBeNull();
    expect(oidcMethod(null)).toBeNull();
    expect(oidcMethod(undefined)).toBeNull();
  });

  it('reads issuer, client, scopes, label and claim, with defaults', () => {
    const config = oidcConfigFromEnv({
      OIDC_ISSUER: ENTRA,
      OIDC_CLIENT_ID: 'fellesplan',
      OIDC_CLIENT_SECRET: 'hemmelig',
      OIDC_LABEL: 'Logg inn med jobbkonto',
      OIDC_ORG_CLAIM: 'extn.orgnr',
    });
    expect(config).toEqual({
      issuer: ENTRA,
      clientId: 'fellesplan',
      clientSecret: 'hemmelig',
      scopes: 'openid profile email',
      redirectUri: null,
      label: 'Logg inn med jobbkonto',
      orgClaim: 'extn.orgnr',
      authParams: {},
      allowHttp: false,
    });
    expect(oidcMethod(config)).toEqual({ label: 'Logg inn med jobbkonto' });
    expect(oidcMethod(oidcConfigFromEnv({ OIDC_ISSUER: ENTRA, OIDC_CLIENT_ID: 'x' }))).toEqual({
      label: 'OpenID Connect',
    });
  });

  it('the redirect URI is OIDC_REDIRECT_URI, else PUBLIC_URL + the callback path, else the request origin', () => {
    const base = { OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_ID: 'x' };
    expect(oidcConfigFromEnv({ ...base, PUBLIC_URL: 'https://plan.example.no/' })?.redirectUri).toBe(
      'https://plan.example.no/api/auth/oidc/callback',
    );
    expect(oidcConfigFromEnv({ ...base, PUBLIC_URL: 'https://example.no/fellesplan' })?.redirectUri).toBe(
      'https://example.no/fellesplan/api/auth/oidc/callback',
    );
    expect(
      oidcConfigFromEnv({ ...base, PUBLIC_URL: 'https://a.no', OIDC_REDIRECT_URI: 'https://b.no/cb' })?.redirectUri,
    ).toBe('https://b.no/cb');
  });

  it('extra authorization parameters (acr_values, authorization_details) are kept; the ones Fellesplan sets are refused', () => {
    const base = { OIDC_ISSUER: 'https://ansattporten.no', OIDC_CLIENT_ID: 'x' };
    const details = JSON.stringify([{ type: 'ansattporten:altinn:service', resource: 'urn:altinn:resource:x' }]);
    const params = new URLSearchParams({ acr_values: 'substantial', authorization_details: details });
    expect(oidcConfigFromEnv({ ...base, OIDC_AUTH_PARAMS: params.toString() })?.authParams).toEqual({
      acr_values: 'substantial',
      authorization_details: details,
    });
    for (const reserved of ['state', 'nonce', 'code_challenge_method', 'redirect_uri', 'scope']) {
      expect(() => oidcConfigFromEnv({ ...base, OIDC_AUTH_PARAMS: `${reserved}=x` }), reserved).toThrow(
        /OIDC_AUTH_PARAMS may not set/,
      );
    }
  });

  it('a setting that cannot work stops the start with a clear message', () => {
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'https://idporten.no' })).toThrow(/OIDC_CLIENT_ID is required/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'idporten.no', OIDC_CLIENT_ID: 'x' })).toThrow(/absolute URL/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'x' })).toThrow(
      /must be an https:\/\/ URL/,
    );
    expect(
      oidcConfigFromEnv({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'x', OIDC_ALLOW_HTTP: '1' })?.allowHttp,
    ).toBe(true);
    expect(() =>
      oidcConfigFromEnv({ OIDC_ISSUER: 'https://a.no', OIDC_CLIENT_ID: 'x', OIDC_SCOPES: 'profile' }),
    ).toThrow(/must include openid/);
    expect(() =>
      oidcConfigFromEnv({ OIDC_ISSUER: 'https://a.no', OIDC_CLIENT_ID: 'x', OIDC_ORG_CLAIM: 'org..nr' }),
    ).toThrow(/OIDC_ORG_CLAIM/);
  });
});
