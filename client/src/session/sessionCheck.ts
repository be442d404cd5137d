import type { UserView } from '@fellesplan/domain';
import { api } from '../api/client.js';

let early: Promise<{ user: UserView }> | null = null;

/**
 * Asks the server who we are before React has rendered anything, and before a plan's
 * prefetched requests: every page waits for this answer, and the server answers in order.
 */
export function startSessionCheck(): void {
  early = api.currentUser();
  // Taken (and its failure handled) by the session provider; never an unhandled rejection.
  early.catch(() => undefined);
}

/** The early answer, once; later checks (a remount, a refresh) ask afresh. */
export function takeSessionCheck(): Promise<{ user: UserView }> {
  const request = early ?? api.currentUser();
  early = null;
  return request;
}
