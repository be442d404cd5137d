import { afterAll, beforeAll } from 'vitest';
import { OIDC_CALLBACK_PATH, type OidcConfig } from '../auth/oidc/oidcConfig.js';
import { startFixture, type Fixture } from './fixture.js';
import { startOidcProvider, type TestOidcProvider } from './oidcProvider.js';

export interface OidcFixture {
  readonly fixture: Fixture;
  readonly provider: TestOidcProvider;
}

/**
 * For the whole file: a local OpenID provider and a Fellesplan test server configured to log in
 * through it (the provider knows Fellesplan's callback once Fellesplan has its port).
 */
export function useOidcFixture(config: Partial<OidcConfig> = {}): OidcFixture {
  let fixture: Fixture | undefined;
  let provider: TestOidcProvider | undefined;
  beforeAll(async () => {
    provider = await startOidcProvider();
    fixture = await startFixture({ config: { oidc: provider.clientConfig(config) } });
    provider.registerClient(`${fixture.url}${OIDC_CALLBACK_PATH}`);
  });
  afterAll(async () => {
    await fixture?.destroy();
    await provider?.close();
  });
  return {
    get fixture() {
      if (!fixture) throw new Error('The OpenID fixture has not started: use it inside a test or a hook');
      return fixture;
    },
    get provider() {
      if (!provider) throw new Error('The OpenID fixture has not started: use it inside a test or a hook');
      return provider;
    },
  };
}
