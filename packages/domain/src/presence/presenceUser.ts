import { z } from 'zod';
import { idSchema } from '../ids.js';

/** Who a collaborator is, as shown by carets and «Her nå»; the server sets it from the session. */
export interface PresenceUser {
  name: string;
  color: string;
  /** The party's name. */
  party: string;
}

/** Largest awareness state (as JSON) the server relays; a caret and a name need far less. */
export const MAX_AWARENESS_STATE_BYTES = 8 * 1024;

/**
 * Where a person is in a plan, as their browser announces it in the awareness of the plan's
 * document: the section their caret is in or, failing that, the one they are reading; `away`
 * when their tab is hidden. Checked by the server before it is relayed.
 */
export const planViewingSchema = z
  .object({
    sectionId: idSchema.nullable(),
    editing: z.boolean(),
    away: z.boolean(),
  })
  .strict();
export type PlanViewing = z.infer<typeof planViewingSchema>;
