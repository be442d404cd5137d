import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { CommandResult, SessionView } from '@fellesplan/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type FellesplanServer } from '../app.js';
import { DEFAULT_COMMAND_LIMITS } from './commandLimits.js';
import { prepareFirstStart } from '../setup/firstStart.js';
import { api, command, createTestDatabase, type TestDatabase } from '../testing/index.js';

/**
 * Whoever reads the server's log (operators, a log shipper, a support ticket) must not find a
 * secret there that opens an account. An invitation link is accepted through its token, so the
 * token must not reach the log on any way a browser carries it to the server, including the
 * OpenID Connect login that accepts an invitation (`/api/auth/oidc/login?invitation=<token>`).
 */
const lines: string[] = [];
let server: FellesplanServer;
let storage: TestDatabase;
let dataDir: string;
let setupToken = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-log-'));
  storage = await createTestDatabase();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: storage.url,
    demo: false,
    logLevel: 'info',
    clientDist: null,
    storeDebounceMs: 200,
    trustProxy: 1,
    loginAttemptsPerMinute: 30,
    commandLimits: DEFAULT_COMMAND_LIMITS,
    loginAttemptsPerAddressPerMinute: 60,
    allowedHosts: ['localhost', '127.0.0.1', '[::1]'],
    logger: pino({ level: 'info' }, sink),
    beforeListen: async (db) => {
      setupToken = (await prepareFirstStart(db)) ?? '';
    },
  });
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  await storage.drop();
});

describe('secrets in the request log', () => {
  it('[ADM3] an invitation token carried to the OpenID Connect login never reaches the log', async () => {
    const setup = await api<SessionView>(server.url, '/api/setup', {
      body: {
        token: setupToken,
        partnershipName: 'Loggtest',
        admin: { name: 'Siv Admin', email: 'siv@logg.no', password: 'et-langt-passord' },
      },
    });
    expect(setup.status).toBe(200);
    const admin = setup.body.token;
    const party = await command(server.url, admin, 'parties.create', { name: 'Logg kommune', kind: 'kommune' });
    const invitation = await command(server.url, admin, 'invitations.create', {
      partyId: party.body.id,
      email: 'ola@logg.no',
      name: 'Ola',
    });
    const token = (invitation.body as CommandResult<'invitations.create'>).url.split('/invite/')[1] ?? '';
    expect(token.length).toBeGreaterThan(20);

    // The invited person's browser: the link, its API, and the OpenID Connect button.
    await fetch(`${server.url}/invite/${token}`);
    await api(server.url, `/api/invitations/${token}`);
    await fetch(`${server.url}/api/auth/oidc/login?invitation=${token}&returnTo=%2F`, { redirect: 'manual' });
    await fetch(`${server.url}/api/auth/oidc/login?returnTo=%2F&invitation=${encodeURIComponent(token)}`, {
      redirect: 'manual',
    });
    // Nor any query parameter a client might carry a session or link token in.
    await fetch(`${server.url}/api/auth/oidc/callback?code=${token}&state=${token}`, { redirect: 'manual' });
    await fetch(`${server.url}/api/health?token=${admin}`);

    const log = lines.join('');
    expect(log).toContain('/api/auth/oidc/login');
    expect(log).not.toContain(token);
    expect(log).not.toContain(admin);
    expect(log).not.toContain(setupToken);

    // What the token would have given a reader of the log: the account.
    const stolen = await api(server.url, `/api/invitations/${token}/accept`, {
      body: { name: 'Mallory', password: 'et-langt-passord' },
    });
    expect(stolen.status).toBe(200);
  });
});
