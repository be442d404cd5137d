import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_KEY_FILE } from '../audit/signingKey.js';
import {
  api,
  appendStoredParagraph,
  command,
  createTestDatabase,
  startTestServer,
  type DemoTokens,
  type TestDatabase,
  type TestServer,
} from '../testing/index.js';

const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const OPS = path.dirname(fileURLToPath(import.meta.url));

/** `pnpm backup`/`pnpm restore` as an operator runs them, against the given storage. */
function ops(
  script: 'backup' | 'restore',
  args: string[],
  storage: { dataDir: string; databaseUrl: string | null },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(OPS, `${script}.ts`), ...args], {
      env: { ...process.env, DATA_DIR: storage.dataDir, DATABASE_URL: storage.databaseUrl ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Everything a person or an auditor sees of the plan, and the stored history of its sections. */
async function snapshot(server: TestServer, token: string) {
  const planId = server.demo.planId;
  const get = async (url: string) => {
    const response = await api(server.url, url, { token });
    expect(response.status, url).toBe(200);
    return response.body;
  };
  const versions = (await get(`/api/plans/${planId}/versions`)) as { id: string }[];
  return {
    plan: await get(`/api/plans/${planId}`),
    contents: await Promise.all(server.demo.sectionIds.map((id) => get(`/api/sections/${id}/content`))),
    threads: await get(`/api/plans/${planId}/threads`),
    audit: await get(`/api/plans/${planId}/audit`),
    verify: await get(`/api/plans/${planId}/audit/verify`),
    versions,
    versionBodies: await Promise.all(versions.map((version) => get(`/api/versions/${version.id}`))),
    history: await Promise.all(server.demo.sectionIds.map((id) => get(`/api/sections/${id}/history`))),
    sectionEdits: await server.db.selectFrom('section_edits').selectAll().orderBy('id').execute(),
  };
}

// Each test runs the backup and restore commands as processes (tsx start-up, pg_dump, psql): on a
// loaded two-core machine one takes well over the default 20 s.
describe('backup and restore', { timeout: 90_000 }, () => {
  let original: TestServer;
  let tokens: DemoTokens;
  const work = mkdtempSync(path.join(tmpdir(), 'fellesplan-backup-'));
  beforeAll(async () => {
    original = await startTestServer();
    tokens = await original.loginEveryone();
  });
  afterAll(async () => {
    await original.destroy();
    rmSync(work, { recursive: true, force: true });
  });

  it('[OPS5] round-trips a plan with history while the server runs: text, decision log, edits and versions', async () => {
    const planId = original.demo.planId;
    const [, , agreedId = '', , editedId = ''] = original.demo.sectionIds;
    const edited = { id: editedId, documentName: `section:${editedId}` };
    await appendStoredParagraph(original.url, tokens.kommune, original.db, edited, 'Kommunen skriver først.');
    await appendStoredParagraph(original.url, tokens.hf, original.db, edited, 'Helseforetaket legger til.');
    await appendStoredParagraph(original.url, tokens.fastlege, original.db, edited, 'Fastlegene svarer – «æøå».');

    const plan = await api<{ sections: { id: string; revision: string }[] }>(original.url, `/api/plans/${planId}`, {
      token: tokens.bruker,
    });
    const revisionOf = (id: string) => plan.body.sections.find((section) => section.id === id)?.revision;
    const mark = (who: string, sectionId: string, stance: string) =>
      command(original.url, tokens[who] ?? '', 'sections.mark', { sectionId, stance, revision: revisionOf(sectionId) });
    expect((await mark('kommune', editedId, 'agree')).status).toBe(200);
    for (const who of ['kommune', 'hf', 'fastlege', 'bruker'])
      expect((await mark(who, agreedId, 'agree')).status).toBe(200);
    expect((await command(original.url, tokens.sekretariat, 'sections.lock', { sectionId: agreedId })).status).toBe(
      200,
    );
    const thread = await command(original.url, tokens.hf, 'threads.create', {
      sectionId: editedId,
      body: 'Bør vi nevne skolehelsetjenesten?',
    });
    expect(thread.status).toBe(200);
    const version = await command(original.url, tokens.sekretariat, 'versions.create', { planId, name: 'Utkast 1' });
    expect(version.status).toBe(200);

    const before = await snapshot(original, tokens.bruker);
    expect(before.verify).toMatchObject({ ok: true, events: 8 });
    expect(before.sectionEdits.length).toBeGreaterThanOrEqual(3);

    const storage = { dataDir: original.dataDir, databaseUrl: original.databaseUrl };
    const file = path.join(work, original.databaseUrl ? 'fellesplan.pgdump' : 'fellesplan.sqlite');
    const backup = await ops('backup', [file], storage);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain('signing key is not in it');
    // One file, for its owner's eyes only: it holds everything anyone wrote.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(work).filter((name) => name.startsWith('fellesplan'))).toEqual([path.basename(file)]);
    expect((await ops('backup', [file], storage)).stderr).toContain('add --force to overwrite');

    // A new machine: an empty data directory or schema, and the signing key kept apart from the backup.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-restored-'));
    const database: TestDatabase = await createTestDatabase(original.databaseUrl ? 'postgres' : 'sqlite');
    const target = { dataDir, databaseUrl: database.url };
    const restored = await ops('restore', [file], target);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('No signing key');
    // A database that holds something is only replaced when asked to.
    const again = await ops('restore', [file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('add --force');
    expect((await ops('restore', [file, '--force'], target)).code).toBe(0);
    copyFileSync(path.join(original.dataDir, SIGNING_KEY_FILE), path.join(dataDir, SIGNING_KEY_FILE));

    const copy = await startTestServer({
      dataDir,
      storage: database,
      seeded: { demo: original.demo, other: original.other },
    });
    try {
      const after = await snapshot(copy, await copy.login('bruker@demo.no'));
      expect(after).toEqual(before);
      expect(JSON.stringify(after.contents)).toContain('Fastlegene svarer – «æøå».');
      // The restored database takes new work: its sequences and the log's chain go on.
      const reply = await command(copy.url, await copy.login('hf@demo.no'), 'threads.create', {
        sectionId: editedId,
        body: 'Etter gjenoppretting.',
      });
      expect(reply.status).toBe(200);
      const verify = await api(copy.url, `/api/plans/${planId}/audit/verify`, {
        token: await copy.login('bruker@demo.no'),
      });
      expect(verify.body).toMatchObject({ ok: true, events: 9 });
    } finally {
      await copy.destroy();
    }
  });

  it('[OPS5] refuses a backup from a newer Fellesplan and leaves the target as it was', async () => {
    const newer = await startTestServer();
    const file = path.join(work, newer.databaseUrl ? 'newer.pgdump' : 'newer.sqlite');
    try {
      await newer.db
        .insertInto('kysely_migration' as never)
        .values({ name: '999_from_the_future', timestamp: new Date().toISOString() } as never)
        .execute();
      expect((await ops('backup', [file], { dataDir: newer.dataDir, databaseUrl: newer.databaseUrl })).code).toBe(0);
    } finally {
      await newer.destroy();
    }
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-newer-'));
    const database = await createTestDatabase(original.databaseUrl ? 'postgres' : 'sqlite');
    try {
      const refused = await ops('restore', [file], { dataDir, databaseUrl: database.url });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/newer Fellesplan/);
      // Nothing half-restored: a server starting on the target finds it empty and migrates it.
      const empty = await startTestServer({ dataDir, storage: database });
      try {
        expect((await empty.db.selectFrom('plans').select('id').execute()).length).toBe(2);
      } finally {
        await empty.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  });

  it('refuses a file that is no backup, and the other engine’s backup', async () => {
    const junk = path.join(work, 'junk.bin');
    writeFileSync(junk, 'not a database at all');
    const target = { dataDir: mkdtempSync(path.join(tmpdir(), 'fellesplan-junk-')), databaseUrl: original.databaseUrl };
    try {
      const refused = await ops('restore', [junk], target);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is not a (PostgreSQL|SQLite) backup/);
    } finally {
      rmSync(target.dataDir, { recursive: true, force: true });
    }
  });
});
