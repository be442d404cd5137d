import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, beforeEach } from 'vitest';
import { seedPartnership } from '../../demo/seedPartnership.js';
import { seedPasswordHash } from '../../testing/seedPasswordHash.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { waitFor } from '../../testing/waitFor.js';
import { openDatabase, type Db } from '../database.js';

/** Every storage adapter; each contract case runs once per adapter (`describe.each(ADAPTERS)`). */
export const ADAPTERS = ['sqlite', 'postgres'] as const;
export type Adapter = (typeof ADAPTERS)[number];

export interface ContractStore {
  adapter: Adapter;
  /** The database as the server opens it (migrated, empty). */
  db: Db;
  /** Another connection to the same database, as another process would hold; closed after the test. */
  connect(): Promise<Db>;
  /**
   * Resolves once a transaction on this database waits for a row lock another one holds. Only
   * PostgreSQL runs transactions side by side; SQLite's one connection queues the second
   * transaction before it starts, so there this resolves at once.
   */
  lockWaited(): Promise<void>;
}

const silent = pino({ level: 'silent' });

/**
 * A fresh database for every test of the calling `describe`: a SQLite file in a temp dir, or a
 * schema of its own on the test PostgreSQL (`TEST_DATABASE_URL`, by default 127.0.0.1/test).
 */
export function useContractStore(adapter: Adapter): () => ContractStore {
  let store: ContractStore | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'fellesplan-contract-'));
    const database: TestDatabase = await createTestDatabase(adapter);
    const open = () => openDatabase({ dataDir, databaseUrl: database.url, logger: silent });
    const connections: Db[] = [];
    const db = await open();
    store = {
      adapter,
      db,
      async connect() {
        const other = await open();
        connections.push(other);
        return other;
      },
      lockWaited: () => (adapter === 'postgres' ? waitForLockWait(db) : Promise.resolve()),
    };
    cleanup = async () => {
      for (const connection of [...connections, db]) await connection.destroy();
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    };
  });
  afterEach(async () => {
    await cleanup?.();
    store = undefined;
  });
  return () => {
    if (!store) throw new Error('the contract store exists only inside a test');
    return store;
  };
}

/** Some session with a lock on a table of this schema is waiting for another lock. */
async function waitForLockWait(db: Db): Promise<void> {
  await waitFor(
    async () => {
      const { rows } = await sql<{ waiting: boolean }>`
        SELECT EXISTS (
          SELECT 1 FROM pg_locks waiting
          WHERE NOT waiting.granted AND waiting.pid IN (
            SELECT held.pid FROM pg_locks held
            JOIN pg_class c ON c.oid = held.relation
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema()
          )
        ) AS waiting`.execute(db);
      return rows[0]?.waiting === true;
    },
    { timeout: 5000 },
  );
}

/** A promise and the function that settles it: holds a transaction open until the test says so. */
export function gate(): { opened: Promise<void>; open(): void } {
  let open = () => undefined as void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

export interface ContractPlan {
  planId: string;
  /** A section's id by its title. */
  section(title: string): string;
  /** A party's id by its name. */
  party(name: string): string;
  /** The id of the (one) user of the party with this name. */
  userOf(partyName: string): string;
}

/**
 * A small plan: parties `Kontrakt kommune`, `Kontrakt HF` and `Sekretariatet`, one user each
 * (fresh e-mails, so one database can hold several such plans), sections `Innledning` and `Mål`.
 */
export async function seedContractPlan(db: Db, title = 'Kontraktsplan'): Promise<ContractPlan> {
  const tag = Math.random().toString(36).slice(2);
  const person = (name: string, key: string) => ({ name, email: `${key}-${tag}@kontrakt.no`, password: 'kontrakt' });
  const seeded = await seedPartnership(
    db,
    {
      name: `Kontrakt helsefellesskap ${tag}`,
      parties: [
        { key: 'kommune', name: 'Kontrakt kommune', kind: 'kommune', users: [person('Kari Kommune', 'kommune')] },
        { key: 'hf', name: 'Kontrakt HF', kind: 'helseforetak', users: [person('Hanne HF', 'hf')] },
        { key: 'sekretariat', name: 'Sekretariatet', kind: 'sekretariat', users: [person('Siri Sekretær', 'sekr')] },
      ],
      plan: {
        title,
        sections: [
          { title: 'Innledning', owners: ['kommune'], body: 'Innledende tekst.' },
          { title: 'Mål', owners: ['hf'] },
        ],
      },
    },
    seedPasswordHash,
  );
  const sections = await db
    .selectFrom('sections')
    .select(['id', 'title'])
    .where('plan_id', '=', seeded.planId)
    .execute();
  const parties = await db
    .selectFrom('parties')
    .select(['id', 'name'])
    .where('helsefellesskap_id', '=', seeded.helsefellesskapId)
    .execute();
  const users = await db
    .selectFrom('users')
    .select(['id', 'party_id'])
    .where(
      'party_id',
      'in',
      parties.map((p) => p.id),
    )
    .execute();
  const find = <T extends { id: string }>(rows: T[], key: keyof T, value: string) => {
    const row = rows.find((r) => r[key] === value);
    if (!row) throw new Error(`nothing with ${String(key)} ${value}`);
    return row.id;
  };
  return {
    planId: seeded.planId,
    section: (sectionTitle) => find(sections, 'title', sectionTitle),
    party: (name) => find(parties, 'name', name),
    userOf: (partyName) => find(users, 'party_id', find(parties, 'name', partyName)),
  };
}
