/** Who a collaborator is, as shown by carets and «Her nå»; the server sets it from the session. */
export interface PresenceUser {
  name: string;
  color: string;
  /** The party's name. */
  party: string;
}

/** Largest awareness state (as JSON) the server relays; a caret and a name need far less. */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;
