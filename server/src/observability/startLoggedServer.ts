import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startServer, type FellesplanServer } from '../app.js';
import type { ServerConfig } from '../config.js';
import { seedPartnership, type SeededPartnership } from '../demo/seedPartnership.js';
import { seedPasswordHash } from '../testing/seedPasswordHash.js';
import { testServerConfig } from '../testing/startTestServer.js';
import { createTestDatabase } from '../testing/testDatabase.js';
import { testPartnershipSpec } from '../testing/testPartnershipSpec.js';

export interface LoggedServer {
  server: FellesplanServer;
  url: string;
  /** The demo helsefellesskap (sections in template order). */
  demo: SeededPartnership;
  /** Every log line written so far, as written (JSON text). */
  logLines(): string[];
  login(email: string): Promise<string>;
  destroy(): Promise<void>;
}

/**
 * A test server (port 0, temp SQLite or a fresh PostgreSQL schema as `DATABASE_URL` says) whose
 * logger writes every line, down to `trace`, into memory: for tests of what the log holds.
 */
export async function startLoggedServer(config: Partial<ServerConfig> = {}): Promise<LoggedServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-logged-'));
  const database = await createTestDatabase();
  const lines: string[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
  let demo: SeededPartnership | undefined;
  const server = await startServer({
    ...testServerConfig(dataDir, database),
    ...config,
    logger,
    beforeListen: async (db) => {
      demo = await seedPartnership(db, testPartnershipSpec(), seedPasswordHash);
    },
  });
  if (!demo) throw new Error('seeding did not run');
  return {
    server,
    url: server.url,
    demo,
    logLines: () => [...lines],
    async login(email) {
      const response = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'demo' }),
      });
      if (!response.ok) throw new Error(`login failed for ${email}: ${response.status}`);
      return ((await response.json()) as { token: string }).token;
    },
    async destroy() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
