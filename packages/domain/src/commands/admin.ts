import { z } from 'zod';
import { isValidOrgNumber, normalizeOrgNumber } from '../admin/orgNumber.js';
import { LANGUAGES, ROLES } from '../admin/vocabulary.js';
import { idSchema } from '../ids.js';
import { hasVisibleText, INPUT_LIMITS, isPlainLine, isStorableText } from '../inputLimits.js';
import { PARTY_KINDS } from '../types.js';

/** A name people read (party, person, plan, section): trimmed, visible, storable. */
export const displayName = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'name_required')
    .max(max)
    .refine(hasVisibleText, 'name_required')
    .refine(isStorableText, 'invalid_input')
    .refine(isPlainLine, 'invalid_input');

const orgNumber = z.string().trim().refine(isValidOrgNumber, 'invalid_org_number').transform(normalizeOrgNumber);

const email = z.string().trim().toLowerCase().email().max(320);

/** A password someone chooses: long enough to resist guessing, short enough to hash cheaply. */
export const newPassword = z.string().min(INPUT_LIMITS.passwordMin, 'password_too_short').max(1024);

const description = z.string().trim().max(INPUT_LIMITS.description).refine(isStorableText, 'invalid_input');

/** `parties.create {name, kind, orgNumber?, description?}` */
export const partiesCreateInput = z
  .object({
    name: displayName(INPUT_LIMITS.name),
    kind: z.enum(PARTY_KINDS),
    orgNumber: orgNumber.nullish(),
    description: description.nullish(),
  })
  .strict();

/** `parties.update {partyId, name?, orgNumber?, description?}`; null clears an optional field. */
export const partiesUpdateInput = z
  .object({
    partyId: idSchema,
    name: displayName(INPUT_LIMITS.name).optional(),
    orgNumber: orgNumber.nullish(),
    description: description.nullish(),
  })
  .strict();

/** `parties.deactivate {partyId}` and `parties.reactivate {partyId}` */
export const partyIdInput = z.object({ partyId: idSchema }).strict();

/** `invitations.create {partyId, email, name, role?}` → `{id, url}` */
export const invitationsCreateInput = z
  .object({
    partyId: idSchema,
    email,
    name: displayName(INPUT_LIMITS.name),
    role: z.enum(ROLES).default('member'),
  })
  .strict();
export const invitationsCreateResult = z.object({
  id: z.string(),
  url: z.string(),
  expiresAt: z.string(),
  /** Whether an e-mail was sent (only when SMTP is configured). */
  emailed: z.boolean(),
});

/** `invitations.revoke {invitationId}` */
export const invitationIdInput = z.object({ invitationId: idSchema }).strict();

/** `users.deactivate {userId}`, `users.reactivate {userId}` */
export const userIdInput = z.object({ userId: idSchema }).strict();

/** `users.update {userId, name?, role?, partyId?}`: an administrator changes a person's place. */
export const usersUpdateInput = z
  .object({
    userId: idSchema,
    name: displayName(INPUT_LIMITS.name).optional(),
    role: z.enum(ROLES).optional(),
    partyId: idSchema.optional(),
  })
  .strict();

/** `POST /api/setup {token, partnershipName, admin:{name, email, password}}` */
export const setupInput = z
  .object({
    token: z.string().min(1).max(200),
    partnershipName: displayName(INPUT_LIMITS.name),
    admin: z.object({ name: displayName(INPUT_LIMITS.name), email, password: newPassword }).strict(),
    /** The sekretariat party the first administrator belongs to. */
    partyName: displayName(INPUT_LIMITS.name).optional(),
  })
  .strict();
export type SetupInput = z.infer<typeof setupInput>;

/** `POST /api/invitations/<token>/accept {name, password}` */
export const acceptInvitationInput = z.object({ name: displayName(INPUT_LIMITS.name), password: newPassword }).strict();

/** `PATCH /api/profile {name?, language?}` */
export const profileUpdateInput = z
  .object({
    name: displayName(INPUT_LIMITS.name).optional(),
    language: z.enum(LANGUAGES).nullable().optional(),
  })
  .strict();
