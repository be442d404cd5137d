import type { PartyKind, Role } from '@fellesplan/domain';
import { accountErrors } from '../forms/accountErrors.js';
import type { FieldErrors } from '../forms/fieldErrors.js';

export type InvitationField = 'name' | 'email' | 'partyId' | 'role';

/**
 * What is wrong with an invitation before it is sent. Administrators belong to a sekretariat
 * party (the domain's `isAdministrator`); the server refuses anything else just the same.
 */
export function invitationErrors(
  values: { name: string; email: string; partyId: string; role: Role },
  partyKind: PartyKind | undefined,
): FieldErrors<InvitationField> {
  const errors: FieldErrors<InvitationField> = accountErrors({ name: values.name, email: values.email });
  if (!values.partyId || !partyKind) errors.partyId = 'form.partyRequired';
  else if (values.role === 'admin' && partyKind !== 'sekretariat') errors.role = 'form.adminNeedsSekretariat';
  return errors;
}
