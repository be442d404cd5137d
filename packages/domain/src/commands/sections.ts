import { z } from 'zod';
import { STANCES, stanceRequiresNote } from '../consensus/stances.js';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const note = z.string().trim().max(2000);

/** `sections.mark {sectionId, stance, note?, revision?}` */
export const sectionsMarkInput = z
  .object({
    sectionId: id,
    stance: z.enum(STANCES),
    note: note.nullish(),
    revision: z.string().min(1).max(128).nullish(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (stanceRequiresNote(input.stance) && !input.note) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['note'], message: 'note_required' });
    }
  });
export type SectionsMarkInput = z.infer<typeof sectionsMarkInput>;

/** `sections.lock {sectionId}` */
export const sectionsLockInput = z.object({ sectionId: id }).strict();
export type SectionsLockInput = z.infer<typeof sectionsLockInput>;

/** `sections.unlock {sectionId, reason}`: reopening is deliberate, so it says why. */
export const sectionsUnlockInput = z
  .object({
    sectionId: id,
    // The message is an error code: the server answers with that code's Norwegian message.
    reason: z.string({ required_error: 'reason_required' }).trim().min(1, 'reason_required').max(2000),
  })
  .strict();
export type SectionsUnlockInput = z.infer<typeof sectionsUnlockInput>;
