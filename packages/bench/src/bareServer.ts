import { Server } from '@hocuspocus/server';

/**
 * The baseline in a process of its own: stock Hocuspocus, no extensions (no auth, ownership,
 * persistence or projection), documents in memory. Tells its parent the port it listens on.
 */
const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
process.send?.({ port: server.address.port });
process.on('SIGTERM', () => {
  void server.destroy().finally(() => process.exit(0));
});
