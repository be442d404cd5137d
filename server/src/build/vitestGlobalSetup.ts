import { buildIfStale } from './buildServer.js';

const once = Symbol.for('fellesplan.serverBuild');
type WithBuild = typeof globalThis & { [once]?: Promise<boolean> };

/**
 * Vitest's global setup: the tests that start the server in a process of their own run the build,
 * as production does, so it is brought up to date here before any test file starts. Every project
 * inherits this setup; they share one build (two at once would write over each other's output).
 */
export default async function setup(): Promise<void> {
  const shared = globalThis as WithBuild;
  await (shared[once] ??= buildIfStale());
}
