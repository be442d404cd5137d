import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type DemoTokens, type TestServer } from './startTestServer.js';

/**
 * One test server for the whole file, with every demo user logged in; stopped afterwards.
 * `ready` receives them once started, so tests keep using plain `server` and `tokens`.
 */
export function useTestServer(ready: (server: TestServer, tokens: DemoTokens) => void): void {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer();
    ready(started, await started.loginEveryone());
  });
  afterAll(() => started?.destroy());
}
