import { z } from 'zod';
import { FORUMS, PATIENT_GROUPS, PLAN_TEMPLATES } from '../admin/vocabulary.js';
import { idSchema } from '../ids.js';
import { hasVisibleText, INPUT_LIMITS, isStorableText } from '../inputLimits.js';
import { displayName } from './admin.js';

const partyIds = z.array(idSchema).max(INPUT_LIMITS.partiesPerPlan);

/** `plans.create {title, forum?, period?, template, copyFromPlanId?, partyIds}` → `{id}` */
export const plansCreateInput = z
  .object({
    title: displayName(INPUT_LIMITS.title),
    forum: z.enum(FORUMS).nullish(),
    period: displayName(INPUT_LIMITS.period).nullish(),
    template: z.enum(PLAN_TEMPLATES).default('default'),
    copyFromPlanId: idSchema.nullish(),
    partyIds: partyIds.min(1, 'parties_required'),
  })
  .strict();

/** `plans.update {planId, title?, forum?, period?, partyIds?}` */
export const plansUpdateInput = z
  .object({
    planId: idSchema,
    title: displayName(INPUT_LIMITS.title).optional(),
    forum: z.enum(FORUMS).nullish(),
    period: displayName(INPUT_LIMITS.period).nullish(),
    partyIds: partyIds.min(1, 'parties_required').optional(),
  })
  .strict();

/** `plans.archive {planId}` */
export const planIdInput = z.object({ planId: idSchema }).strict();

/** `sections.add {planId, title, afterSectionId?, owners, requiredParties?}` → `{id}`; null puts it first, left out last. */
export const sectionsAddInput = z
  .object({
    planId: idSchema,
    title: displayName(INPUT_LIMITS.title),
    afterSectionId: idSchema.nullish(),
    owners: partyIds.min(1, 'owners_required'),
    requiredParties: partyIds.optional(),
    tags: z.array(z.enum(PATIENT_GROUPS)).max(PATIENT_GROUPS.length).optional(),
  })
  .strict();

/** `sections.rename {sectionId, title}` */
export const sectionsRenameInput = z.object({ sectionId: idSchema, title: displayName(INPUT_LIMITS.title) }).strict();

/** `sections.move {sectionId, afterSectionId|null}`: null puts it first. */
export const sectionsMoveInput = z.object({ sectionId: idSchema, afterSectionId: idSchema.nullable() }).strict();

/** `sections.delete {sectionId, reason?}`: a reason is needed once any party has taken a stance. */
export const sectionsDeleteInput = z
  .object({
    sectionId: idSchema,
    reason: z
      .string()
      .trim()
      .max(INPUT_LIMITS.reason)
      .refine(isStorableText, 'invalid_input')
      .refine((r) => r === '' || hasVisibleText(r), 'reason_required')
      .nullish(),
  })
  .strict();

/** `sections.setOwners {sectionId, owners, requiredParties?}` */
export const sectionsSetOwnersInput = z
  .object({
    sectionId: idSchema,
    owners: partyIds.min(1, 'owners_required'),
    requiredParties: partyIds.optional(),
  })
  .strict();

/** `sections.tag {sectionId, tags}` */
export const sectionsTagInput = z
  .object({ sectionId: idSchema, tags: z.array(z.enum(PATIENT_GROUPS)).max(PATIENT_GROUPS.length) })
  .strict();
