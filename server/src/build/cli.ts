import { buildIfStale, SERVER_ENTRY } from './buildServer.js';

// `scripts/build-server.sh`: compiles the server into server/dist unless that is up to date.
const started = performance.now();
if (await buildIfStale()) {
  process.stdout.write(`› Built ${SERVER_ENTRY} in ${Math.round(performance.now() - started)} ms\n`);
}
