/** Per-field problems of a form: each value is an i18n key, shown under its field. */
export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first field with a problem, in the order the form shows them: where focus goes on submit. */
export function firstErrorField<K extends string>(errors: FieldErrors<K>, order: readonly K[]): K | undefined {
  return order.find((field) => errors[field] !== undefined);
}
