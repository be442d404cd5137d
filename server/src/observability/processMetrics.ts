import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * prom-client's default metrics (CPU, memory, event loop lag, GC, handles) describe the process,
 * not one server in it, and each collector installs observers that are never removed: so one
 * registry per process, created on the first scrape, whatever the number of servers (tests start
 * many in one process). Not prom-client's global registry, which other code could also fill.
 */
export function processMetrics(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
