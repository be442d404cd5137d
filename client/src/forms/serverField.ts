import { ApiError } from '../api/client.js';

/**
 * The form field a server refusal is about, when it names one the form shows: `admin.password`
 * is the password field of the setup form. Anything else is shown for the whole form.
 */
export function serverField<K extends string>(error: unknown, fields: readonly K[]): K | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const last = error.field.split('.').at(-1);
  return fields.find((field) => field === last || field === error.field);
}
