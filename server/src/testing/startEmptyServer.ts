import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startServer, type FellesplanServer } from '../app.js';
import type { ServerConfig } from '../config.js';
import { testServerConfig } from './startTestServer.js';
import { prepareFirstStart } from '../setup/firstStart.js';
import { createTestDatabase, isMissingSchema, type TestDatabase } from './testDatabase.js';

export interface EmptyServer extends FellesplanServer {
  /** The setup token the first start made (what `main.ts` prints as a link). */
  setupToken: string;
  destroy(): Promise<void>;
}

/**
 * A real server on port 0 on an empty database, demo off, as a new installation's first start:
 * nothing seeded, one setup token made. SQLite in a temp dir, or a fresh PostgreSQL schema.
 */
export async function startEmptyServer(config: Partial<ServerConfig> = {}): Promise<EmptyServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-empty-'));
  let storage = await createTestDatabase();
  const firstStart: { token: string | null } = { token: null };
  const boot = (database: TestDatabase) =>
    startServer({
      ...testServerConfig(dataDir, database),
      ...config,
      logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
      beforeListen: async (db) => {
        firstStart.token = await prepareFirstStart(db);
      },
    });
  const server = await boot(storage).catch(async (error: unknown) => {
    await storage.drop();
    // As in startTestServer: a fresh schema that vanished before migration gets one more try.
    if (!isMissingSchema(error)) throw error;
    process.stderr.write(`startEmptyServer: test schema vanished before migration; retrying once (${String(error)})\n`);
    storage = await createTestDatabase();
    return boot(storage).catch(async (again: unknown) => {
      await storage.drop();
      throw again;
    });
  });
  const setupToken = firstStart.token;
  if (!setupToken) throw new Error('an empty database got no setup token');
  return {
    ...server,
    setupToken,
    async destroy() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      await storage.drop();
    },
  };
}
