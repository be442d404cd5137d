import type { PlanView, SectionBodyView, ThreadView } from '@fellesplan/domain';
import { api } from '../api/client.js';
import { loadLiveSection } from '../components/liveSectionModule.js';

interface Prefetched {
  plan: Promise<PlanView>;
  threads: Promise<ThreadView[]>;
  contents: Promise<SectionBodyView[]>;
}

let prefetched: { planId: string; requests: Partial<Prefetched> } | null = null;

/**
 * Opening a plan's address starts its requests at once, before the session check and the page
 * have rendered, so the text arrives a round trip sooner. Without a session they fail, unused.
 */
export function prefetchPlanFromAddress(pathname: string): void {
  const planId = /^\/plans\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname)?.[1];
  if (!planId) return;
  const requests: Prefetched = { plan: api.plan(planId), threads: api.threads(planId), contents: api.contents(planId) };
  // The first section's editor is what the reader waits for next: its script (the editor chunk)
  // downloads and compiles while these requests and the session check are answered.
  loadLiveSection().catch(() => undefined);
  // Nobody may ever take them (no session, another page): their failures are not errors.
  for (const request of Object.values(requests)) (request as Promise<unknown>).catch(() => undefined);
  prefetched = { planId, requests };
}

/** The prefetched request for this plan, once; later calls (reloads of the page) ask afresh. */
export function takePrefetched<K extends keyof Prefetched>(planId: string, key: K): Prefetched[K] | null {
  if (prefetched?.planId !== planId) return null;
  const request = prefetched.requests[key];
  // Each is used once: a second mount of the page must see the plan as it is then.
  delete prefetched.requests[key];
  return request ?? null;
}
