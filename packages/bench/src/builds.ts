import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, type BundleTarget } from '../../../server/src/build/buildServer.js';

const benchRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The bare Hocuspocus baseline, compiled as the server is so neither pays for a TypeScript loader. */
export const BARE_BUNDLE: BundleTarget = {
  entryPoints: { bareServer: path.join(benchRoot, 'src/bareServer.ts') },
  outdir: path.join(benchRoot, 'dist'),
  packageJson: path.join(benchRoot, 'package.json'),
};
export const BARE_ENTRY = path.join(BARE_BUNDLE.outdir, 'bareServer.mjs');

/**
 * Brings the server build (server/dist) up to date and has every Fellesplan process the bench
 * spawns run it, as `npm start` does: the bench measures what production runs.
 */
export async function useServerBuild(): Promise<void> {
  await buildIfStale();
  process.env.FELLESPLAN_SERVER_BUILD = '1';
}

/** Brings the bare baseline's build up to date. */
export async function buildBare(): Promise<void> {
  await buildIfStale(BARE_BUNDLE);
}
