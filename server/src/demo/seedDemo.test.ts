import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_PLAN_TEMPLATE,
  type AuditEventView,
  type PlanSummaryView,
  type PlanView,
  type SectionContentView,
} from '@fellesplan/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type FellesplanServer } from '../app.js';
import { DEFAULT_COMMAND_LIMITS } from '../http/commandLimits.js';
import { api, createTestDatabase, type TestDatabase } from '../testing/index.js';
import { DEMO_PARTIES, DEMO_PASSWORD } from './demoPlan.js';
import { seedDemoIfEmpty } from './seedDemo.js';

let dataDir: string;
let storage: TestDatabase;

/** A server as `npm start` runs it on an empty database with demo on (main.ts). */
function start(): Promise<FellesplanServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: storage.url,
    demo: true,
    logLevel: 'silent',
    clientDist: null,
    storeDebounceMs: 200,
    trustProxy: false,
    loginAttemptsPerMinute: 30,
    commandLimits: DEFAULT_COMMAND_LIMITS,
    loginAttemptsPerAddressPerMinute: 60,
    allowedHosts: ['localhost', '127.0.0.1'],
    logger: pino({ level: 'silent' }),
    afterContext: async (context) => {
      await seedDemoIfEmpty(context);
    },
  });
}

async function login(server: FellesplanServer, email: string) {
  const res = await api<{ token: string; user: { partyId: string; role?: string } }>(server.url, '/api/session', {
    body: { email, password: DEMO_PASSWORD },
  });
  expect(res.status, email).toBe(200);
  return res.body;
}

let server: FellesplanServer;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-demo-'));
  storage = await createTestDatabase();
  server = await start();
});

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
  await storage.drop();
});

describe('the demo helsefellesskap (DESIGN 6.1), built through the commands', () => {
  it('[PS12] has the five parties and logins, one plan from the template with owners per BRIEF and text in the first sections', async () => {
    const sessions = new Map<string, Awaited<ReturnType<typeof login>>>();
    for (const party of DEMO_PARTIES) sessions.set(party.key, await login(server, party.email));
    const kommune = sessions.get('kommune');
    if (!kommune) throw new Error('no kommune login');

    const plans = await api<PlanSummaryView[]>(server.url, '/api/plans', { token: kommune.token });
    expect(plans.body).toEqual([
      expect.objectContaining({ title: 'Felles utviklingsplan 2027–2030', sectionCount: 14, archivedAt: null }),
    ]);
    const planId = plans.body[0]?.id ?? '';
    const plan = (await api<PlanView>(server.url, `/api/plans/${planId}`, { token: kommune.token })).body;
    expect(plan.parties.map((p) => [p.name, p.kind]).sort()).toEqual(DEMO_PARTIES.map((p) => [p.name, p.key]).sort());
    for (const party of DEMO_PARTIES) {
      const id = plan.parties.find((p) => p.name === party.name)?.id;
      expect(sessions.get(party.key)?.user.partyId).toBe(id);
    }
    const kindOf = new Map(plan.parties.map((p) => [p.id, p.kind]));
    expect(plan.sections.map((s) => s.title)).toEqual(DEFAULT_PLAN_TEMPLATE.map((s) => s.title));
    for (const [index, section] of plan.sections.entries()) {
      expect(section.owners.map((o) => kindOf.get(o)).sort()).toEqual(
        [...(DEFAULT_PLAN_TEMPLATE[index]?.ownerKinds ?? [])].sort(),
      );
      expect(section.requiredParties.map((p) => kindOf.get(p)).sort()).toEqual([
        'bruker',
        'fastlege',
        'helseforetak',
        'kommune',
      ]);
    }
    const texts = [];
    for (const section of plan.sections) {
      const res = await api<SectionContentView>(server.url, `/api/sections/${section.id}/content`, {
        token: kommune.token,
      });
      texts.push(res.body.text);
    }
    expect(texts[0]).toContain('Partnerskapsmøtet ga i møte 14. mars 2027');
    expect(texts.slice(0, 5).every((t) => t.length > 100)).toBe(true);
    expect(texts.slice(5, -1).every((t) => t === '')).toBe(true);
    // The last section has a little text too: a word only it has lets search be tried on a section far below.
    expect(texts.at(-1)).toContain('Midtveisevalueringen');

    // The plan's decision log starts with its creation by the sekretariat's administrator.
    const audit = await api<AuditEventView[]>(server.url, `/api/plans/${planId}/audit`, { token: kommune.token });
    expect(audit.body.slice(0, 1).map((e) => [e.type, e.actor.name, e.actor.partyName])).toEqual([
      ['plan.created', 'Siri Larsen', 'Sekretariatet'],
    ]);
    const verify = await api<{ ok: boolean }>(server.url, `/api/plans/${planId}/audit/verify`, {
      token: kommune.token,
    });
    expect(verify.body.ok).toBe(true);
  });

  it('[PS12] the sekretariat person administers it; the others do not', async () => {
    const admin = await login(server, 'sekretariat@demo.no');
    const member = await login(server, 'kommune@demo.no');
    const planId = (await api<PlanSummaryView[]>(server.url, '/api/plans', { token: admin.token })).body[0]?.id;
    const rename = (token: string) =>
      api(server.url, '/api/commands/plans.update', { token, body: { planId, period: '2027–2030' } });
    expect((await rename(member.token)).status).toBe(403);
    expect((await rename(admin.token)).status).toBe(200);
  });

  it('[PS12] is seeded only into an empty database', async () => {
    await server.close();
    server = await start();
    const count = await server.db
      .selectFrom('helsefellesskap')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(Number((await server.db.selectFrom('plans').select('id').execute()).length)).toBe(1);
  });
});
