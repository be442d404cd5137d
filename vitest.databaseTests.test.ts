import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseTestFiles, serverTestFiles } from './vitest.databaseTests.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repository of the given files (path → source) in a temp dir. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'fellesplan-dbtests-'));
  dirs.push(root);
  for (const [file, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), source);
  }
  return root;
}

const onDatabase = (root: string) =>
  [
    ...databaseTestFiles(
      root,
      serverTestFiles(root, () => false),
    ),
  ].sort();

describe('which server tests run again on PostgreSQL', () => {
  it('takes a test that reaches storage through any chain of imports, and leaves a pure one', () => {
    const root = repository({
      'server/src/storage/database.ts': 'export const db = 1;',
      'server/src/a.ts': "import { db } from './storage/database.js';\nexport const a = db;",
      'server/src/b.ts': "export { a } from './a.js';",
      'server/src/pure.ts': 'export const pure = 1;',
      'server/src/chain.test.ts': "import { a } from './b.js';",
      'server/src/typeOnly.test.ts': "import type { a } from './a.js';",
      'server/src/dynamic.test.ts': "const m = await import('./a.js');",
      'server/src/pure.test.ts': "import { pure } from './pure.js';\nimport { it } from 'vitest';",
    });
    expect(onDatabase(root)).toEqual([
      'server/src/chain.test.ts',
      'server/src/dynamic.test.ts',
      'server/src/typeOnly.test.ts',
    ]);
  });

  it('follows an import cycle both ways round', () => {
    const root = repository({
      'server/src/x.ts': "import './y.js';\nimport './storage/s.js';",
      'server/src/y.ts': "import './x.js';",
      'server/src/storage/s.ts': '',
      // Entered at either end of the cycle.
      'server/src/a.test.ts': "import './x.js';",
      'server/src/b.test.ts': "import './y.js';",
    });
    expect(onDatabase(root)).toEqual(['server/src/a.test.ts', 'server/src/b.test.ts']);
  });

  it('counts DATABASE_URL, processes, threads, drivers and unresolvable imports as database', () => {
    const root = repository({
      'server/src/env.test.ts': 'const url = process.env.DATABASE_URL;',
      'server/src/spawn.ts': "import { spawn } from 'node:child_process';",
      'server/src/spawn.test.ts': "import './spawn.js';",
      'server/src/thread.test.ts': "import { Worker } from 'node:worker_threads';",
      'server/src/pool.test.ts': "import { Piscina } from 'piscina';",
      'server/src/pg.test.ts': "import pg from 'pg';",
      'server/src/kysely.test.ts': "import { sql } from 'kysely';",
      'server/src/missing.test.ts': "import './nowhere.js';",
      'server/src/pure.test.ts': "import { describe } from 'vitest';",
    });
    expect(onDatabase(root)).toEqual([
      'server/src/env.test.ts',
      'server/src/kysely.test.ts',
      'server/src/missing.test.ts',
      'server/src/pg.test.ts',
      'server/src/pool.test.ts',
      'server/src/spawn.test.ts',
      'server/src/thread.test.ts',
    ]);
  });

  it('looks into workspace packages as a whole, and an unknown one counts as database', () => {
    const root = repository({
      'packages/calm/src/index.ts': "export * from './x.js';",
      'packages/calm/src/x.ts': 'export const x = 1;',
      'packages/busy/src/index.ts': 'export const y = 1;',
      'packages/busy/src/spawn.ts': "import 'node:child_process';",
      'server/src/calm.test.ts': "import { x } from '@fellesplan/calm';",
      'server/src/busy.test.ts': "import { y } from '@fellesplan/busy';",
      'server/src/unknown.test.ts': "import { z } from '@fellesplan/unknown';",
    });
    expect(onDatabase(root)).toEqual(['server/src/busy.test.ts', 'server/src/unknown.test.ts']);
  });

  it('in this repository, puts every test that starts a server or opens a database on PostgreSQL', () => {
    const root = import.meta.dirname;
    const tests = serverTestFiles(root, (file) => file.startsWith('server/src/storage/contract/'));
    const selected = databaseTestFiles(root, tests);
    const direct =
      /startTestServer|useFixture|createTestDatabase|openDatabase|startServer|spawnServer|spawnCluster|startLoggedServer/;
    const obvious = tests.filter((file) => direct.test(readFileSync(path.join(root, file), 'utf8')));
    expect(obvious.length).toBeGreaterThan(50);
    expect(obvious.filter((file) => !selected.has(file))).toEqual([]);
    // The pure ones are few; many more would mean the rule broke, not that the tests changed.
    expect(tests.length - selected.size).toBeLessThan(tests.length / 4);
  });
});
