import { z } from 'zod';
import { STANCES, stanceRequiresNote } from '../consensus/stances.js';
import { idSchema } from '../ids.js';
import { hasVisibleText, INPUT_LIMITS, isStorableText } from '../inputLimits.js';

const note = z.string().trim().max(INPUT_LIMITS.note).refine(isStorableText, 'invalid_input');

/** `sections.mark {sectionId, stance, note?, revision?}` */
export const sectionsMarkInput = z
  .object({
    sectionId: idSchema,
    stance: z.enum(STANCES),
    note: note.nullish(),
    revision: z.string().min(1).max(INPUT_LIMITS.revision).nullish(),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (stanceRequiresNote(input.stance) && !input.note) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['note'], message: 'note_required' });
    }
  });
export type SectionsMarkInput = z.infer<typeof sectionsMarkInput>;
export const sectionsMarkResult = z.object({ id: z.string(), revision: z.string() });

/** `sections.lock {sectionId}` */
export const sectionsLockInput = z.object({ sectionId: idSchema }).strict();
export type SectionsLockInput = z.infer<typeof sectionsLockInput>;
/** The revision the lock committed on: the text every required party agreed to. */
export const sectionsLockResult = z.object({ ok: z.literal(true), revision: z.string() });

/** `sections.unlock {sectionId, reason}`: reopening is deliberate, so it says why. */
export const sectionsUnlockInput = z
  .object({
    sectionId: idSchema,
    // The message is an error code: the server answers with that code's Norwegian message.
    reason: z
      .string({ required_error: 'reason_required' })
      .trim()
      .min(1, 'reason_required')
      .max(INPUT_LIMITS.reason)
      .refine(hasVisibleText, 'reason_required')
      .refine(isStorableText, 'invalid_input'),
  })
  .strict();
export type SectionsUnlockInput = z.infer<typeof sectionsUnlockInput>;
