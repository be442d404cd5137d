import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Which server test files can reach a database, so the `postgres` project runs them again on
 * PostgreSQL and skips the rest (pure units: the same code on either database, already run by
 * `sqlite`). Derived from the source, not a list to keep up: a test file counts as a database test
 * unless nothing it imports, directly or through other modules of the repository, can reach a
 * database. A module can when
 *   - it lies under server/src/storage/ (every database access goes through there),
 *   - it names DATABASE_URL (a spawned server inherits it from the test's environment),
 *   - it starts processes or threads (child_process, worker_threads, piscina): what they run is
 *     not imported, so not followed here, or
 *   - it imports a database driver or Kysely itself,
 *   - or an import of it cannot be resolved (unknown means database).
 * Every doubt counts as "database": a pure test run twice costs a second, a database test run
 * once is a hole in the PostgreSQL coverage. vitest.databaseTests.test.ts checks the rule.
 */
const REACHES_DATABASE =
  /DATABASE_URL|['"](node:)?(child_process|worker_threads|piscina)['"]|['"](pg|better-sqlite3|kysely)['"]/;
// import … from '…', export … from '…', import '…', import('…'); `import type` counts too.
const SPECIFIER = /\b(?:from\s*|import\s*\(?\s*)['"]([^'"]+)['"]/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(path.sep).includes('node_modules'))
    .map((file) => path.join(dir, file));
}

/** The module a relative specifier names: `./x.js` is `./x.ts` in this repository. */
function resolveRelative(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    `${base}.ts`,
    path.join(base, 'index.ts'),
  ];
  return candidates.find((file) => /\.tsx?$/.test(file) && existsSync(file)) ?? null;
}

export function databaseTestFiles(root: string, testFiles: readonly string[]): Set<string> {
  const imports = new Map<string, string[] | null>();
  /** A module in itself (not what it imports): null if it reaches a database, else what it imports. */
  const importsOf = (file: string): string[] | null => {
    if (!imports.has(file)) imports.set(file, ownImports(file));
    return imports.get(file) ?? null;
  };
  const ownImports = (file: string): string[] | null => {
    if (path.relative(root, file).startsWith(`server${path.sep}src${path.sep}storage${path.sep}`)) return null;
    const text = readFileSync(file, 'utf8');
    if (REACHES_DATABASE.test(text)) return null;
    const next: string[] = [];
    for (const [, specifier = ''] of text.matchAll(SPECIFIER)) {
      if (specifier.startsWith('.')) {
        const target = resolveRelative(file, specifier);
        if (target === null) return null;
        next.push(target);
      } else if (specifier.startsWith('@fellesplan/')) {
        // A workspace package as a whole: its index may re-export any of its files.
        const dir = path.join(root, 'packages', specifier.split('/')[1] ?? '', 'src');
        if (!existsSync(dir)) return null;
        next.push(...filesUnder(dir));
      }
    }
    return next;
  };
  // Plain reachability from each test file: no memo of partial answers, which an import cycle
  // would make wrong in the dangerous direction.
  const reaches = (test: string): boolean => {
    const seen = new Set([test]);
    const queue = [test];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const next = importsOf(file);
      if (next === null) return true;
      for (const target of next) {
        if (seen.has(target)) continue;
        seen.add(target);
        queue.push(target);
      }
    }
    return false;
  };
  return new Set(testFiles.filter((file) => reaches(path.resolve(root, file))));
}

/** Server test files (relative to `root`, `/`-separated, as vitest globs match them). */
export function serverTestFiles(root: string, exclude: (file: string) => boolean): string[] {
  return filesUnder(path.join(root, 'server/src'))
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.relative(root, file).split(path.sep).join('/'))
    .filter((file) => !exclude(file))
    .sort();
}
