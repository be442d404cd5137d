import { isValidOrgNumber } from '@fellesplan/domain';
import type { FieldErrors } from './fieldErrors.js';

export type PartyField = 'name' | 'orgNumber';

/** A party needs a name; an organisation number is optional but must pass the mod 11 check. */
export function partyErrors(values: { name: string; orgNumber: string }): FieldErrors<PartyField> {
  const errors: FieldErrors<PartyField> = {};
  if (!values.name.trim()) errors.name = 'form.nameRequired';
  if (values.orgNumber.trim() && !isValidOrgNumber(values.orgNumber.trim())) errors.orgNumber = 'form.orgNumberInvalid';
  return errors;
}
