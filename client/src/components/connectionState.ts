import type { ConnectionSnapshot } from '../collab/CollabClient.js';

export type ConnectionState = 'online' | 'saving' | 'reconnecting' | 'offline';

/**
 * What the indicator says. Unconfirmed changes while the socket is down are the case that
 * matters to a user ("don't close the laptop yet"), so it wins over "reconnecting".
 */
export function connectionState({ status, unsynced }: ConnectionSnapshot, browserOnline: boolean): ConnectionState {
  const connected = browserOnline && status === 'connected';
  if (connected) return unsynced > 0 ? 'saving' : 'online';
  if (unsynced > 0 || !browserOnline) return 'offline';
  return 'reconnecting';
}
