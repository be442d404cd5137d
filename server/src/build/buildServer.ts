import { readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const serverRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const here = fileURLToPath(import.meta.url);
// esbuild records its inputs relative to this (the repository), so the freshness check reads them back from it.
const repoRoot = path.resolve(serverRoot, '..');

/** Where the compiled server goes (gitignored): `node server/dist/main.mjs` runs it. */
export const SERVER_DIST = path.join(serverRoot, 'dist');
export const SERVER_ENTRY = path.join(SERVER_DIST, 'main.mjs');

/**
 * The server's entries, each compiled to `dist/<name>.mjs`. The worker threads' entries sit next
 * to main.mjs so that `new URL('./<name>.mjs', import.meta.url)` finds them in the build as it
 * finds the tsx-loading shims next to the sources.
 */
const ENTRIES = {
  main: path.join(serverRoot, 'src/main.ts'),
  documentWorker: path.join(serverRoot, 'src/documentWork/documentWorker.ts'),
  'sqliteWriter.worker': path.join(serverRoot, 'src/storage/sqliteWriter.worker.ts'),
};

/** A bundle with its own entries and output, compiled the way the server is (the bench's baseline). */
export interface BundleTarget {
  entryPoints: Record<string, string>;
  outdir: string;
  /** package.json whose `dependencies` stay external, resolved from node_modules at run time. */
  packageJson: string;
}

export const SERVER_BUNDLE: BundleTarget = {
  entryPoints: ENTRIES,
  outdir: SERVER_DIST,
  packageJson: path.join(serverRoot, 'package.json'),
};

/**
 * Leaves the npm packages the bundle's package declares (native better-sqlite3, pino's transports
 * that load by file name, …) to Node at run time and bundles everything else: the workspace
 * packages, whose exports point at TypeScript sources, and what only they depend on.
 */
function externalDependencies(packageJson: string): Plugin {
  const { dependencies = {} } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const external = new Set([
    ...Object.keys(dependencies).filter((name) => !name.startsWith('@fellesplan/')),
    ...builtinModules,
  ]);
  const packageName = (specifier: string) =>
    specifier.startsWith('@') ? specifier.split('/', 2).join('/') : (specifier.split('/')[0] ?? specifier);
  return {
    name: 'external-dependencies',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path: specifier }) =>
        specifier.startsWith('node:') || external.has(packageName(specifier))
          ? { path: specifier, external: true }
          : undefined,
      );
    },
  };
}

/** Compiles one target: ESM `.mjs`, split so lazy `await import()`s stay lazy, with source maps. */
export async function bundle(target: BundleTarget): Promise<Metafile> {
  await rm(target.outdir, { recursive: true, force: true });
  await mkdir(target.outdir, { recursive: true });
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: target.entryPoints,
    outdir: target.outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // Chunks in the same folder as the entries: whichever file a module lands in, paths it computes
    // from import.meta.url (worker entries, config.ts's client dist) resolve the same.
    chunkNames: '[name]-[hash]',
    sourcemap: true,
    // Stack traces need only the mappings; with the sources' text in them, node's
    // --enable-source-maps held ~13 MB more for the life of the process.
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [externalDependencies(target.packageJson)],
  });
  await writeFile(path.join(target.outdir, 'meta.json'), JSON.stringify(result.metafile));
  return result.metafile;
}

/**
 * Whether a target's build is older than any file it was built from (or than this build step):
 * the inputs are the ones esbuild recorded, so a change anywhere in what the bundle contains
 * counts, and nothing outside it does.
 */
export function isStale(target: BundleTarget): boolean {
  const metafile = path.join(target.outdir, 'meta.json');
  let built: number;
  let inputs: string[];
  try {
    built = statSync(metafile).mtimeMs;
    inputs = Object.keys((JSON.parse(readFileSync(metafile, 'utf8')) as Metafile).inputs);
  } catch {
    return true;
  }
  const newer = (file: string) => {
    try {
      return statSync(file).mtimeMs > built;
    } catch {
      return true; // a file the build had is gone
    }
  };
  return newer(here) || newer(target.packageJson) || inputs.some((input) => newer(path.resolve(repoRoot, input)));
}

/** Builds a target (by default the server) unless its build is fresh; says whether it built. */
export async function buildIfStale(target: BundleTarget = SERVER_BUNDLE): Promise<boolean> {
  if (!isStale(target)) return false;
  await bundle(target);
  return true;
}
