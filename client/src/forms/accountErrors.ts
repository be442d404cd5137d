import { INPUT_LIMITS } from '@fellesplan/domain';
import type { FieldErrors } from './fieldErrors.js';

export type AccountField = 'name' | 'email' | 'password';

// The server's check (zod) is the one that counts; this catches typos before a round trip.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * What is wrong with a person's name, e-mail and chosen password, before they are sent; a field
 * the form does not ask for (an invitation already has the e-mail) is left out.
 */
export function accountErrors(values: { name: string; email?: string; password?: string }): FieldErrors<AccountField> {
  const errors: FieldErrors<AccountField> = {};
  if (!values.name.trim()) errors.name = 'form.nameRequired';
  if (values.email !== undefined && !EMAIL.test(values.email.trim())) errors.email = 'form.emailInvalid';
  if (values.password !== undefined && values.password.length < INPUT_LIMITS.passwordMin)
    errors.password = 'form.passwordTooShort';
  return errors;
}
