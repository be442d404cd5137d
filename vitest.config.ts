import path from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { databaseTestFiles, serverTestFiles } from './vitest.databaseTests.js';

// The `postgres` project runs the server tests again on this PostgreSQL (scripts/ensure-postgres.sh
// provides it); every test server there gets a schema of its own.
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const contract = 'server/src/storage/contract/**';
// Only the server test files that can reach a database run again on PostgreSQL: the rule (what
// they import, followed through the repository; any doubt counts as database) is derived from the
// source at every run, see vitest.databaseTests.ts. Nothing to list or name by hand: a new test
// that starts a server or opens storage is on PostgreSQL by what it imports.
const root = import.meta.dirname;
const onPostgres = [
  ...databaseTestFiles(
    root,
    serverTestFiles(root, (file) => file.startsWith(path.posix.dirname(contract))),
  ),
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // A test server starts in a hook (migrations, seeding with scrypt): seconds on a loaded machine.
    hookTimeout: 60_000,
    pool: 'forks',
    // A fork runs file after file of a project without starting again or reloading the server's
    // modules (a third of the server suite's time went on that). The server tests tolerate it:
    // each starts and destroys servers of its own, the module-level state is per process by
    // design (processMetrics) or caches keyed by random ids, and none mocks modules. Fake timers
    // are restored in afterEach. A test that cannot leave its fork as it found it needs a project
    // with isolate: true, as `unit` has.
    poolOptions: { forks: { isolate: false } },
    // Spawned servers (spawnServer: scale-out, crash and restart tests) run the compiled build that
    // `npm start` runs, built here once if older than the sources; FELLESPLAN_SERVER_BUILD below.
    globalSetup: ['server/src/build/vitestGlobalSetup.ts'],
    // Every test passes alone and in any order; a failing order is repeated with --sequence.seed.
    sequence: { shuffle: true },
    // Tests mostly wait on sockets and timers: two forks on two cores halve the time of the
    // doubled server suite; more make the password-hashing tests race each other for the CPU.
    maxWorkers: 2,
    projects: [
      // Packages and client: every file on fresh modules (client tests mock modules with vi.mock,
      // which would otherwise stay mocked for the files after them in the fork).
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'client/src/**/*.test.ts', 'vitest.databaseTests.test.ts'],
          env: { DATABASE_URL: '' },
          poolOptions: { forks: { isolate: true } },
        },
      },
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['server/src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, contract],
          env: { DATABASE_URL: '', FELLESPLAN_SERVER_BUILD: '1' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: onPostgres,
          exclude: [...configDefaults.exclude, contract],
          env: { DATABASE_URL: postgresUrl, FELLESPLAN_SERVER_BUILD: '1' },
        },
      },
      // The storage contract runs each case on SQLite and on PostgreSQL itself.
      // retry: a case creates its PostgreSQL schema itself; a schema dropped by a test alongside used
      // to fail the start's introspection (fixed in storage/postgres.ts). One retry stays, reported.
      { extends: true, test: { name: 'contract', include: [`${contract}/*.test.ts`], retry: 1 } },
    ],
  },
});
