import { INPUT_LIMITS } from '@fellesplan/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { ApiError } from '../api/client.js';
import { firstErrorField, type FieldErrors } from './fieldErrors.js';
import { serverField } from './serverField.js';

/**
 * The problems of one form as messages: under the field they concern, or above the form when
 * the server refused for a reason no field shows. Focus goes to the first field at fault, so a
 * keyboard or screen-reader user lands where the fix is (WCAG 3.3.1).
 */
export function useFormErrors<K extends string>(idPrefix: string, order: readonly K[]) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Partial<Record<K, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const id = useCallback((field: K) => `${idPrefix}-${field}`, [idPrefix]);

  const focus = useCallback(
    (field: K | undefined) => {
      if (field) document.getElementById(`${idPrefix}-${field}`)?.focus();
    },
    [idPrefix],
  );

  /** Shows the problems found before sending; true when there were none. */
  const check = useCallback(
    (found: FieldErrors<K>): boolean => {
      const messages: Partial<Record<K, string>> = {};
      for (const field of order) {
        const key = found[field];
        if (key) messages[field] = t(key, { min: INPUT_LIMITS.passwordMin });
      }
      setErrors(messages);
      setFormError(null);
      focus(firstErrorField(found, order));
      return Object.keys(messages).length === 0;
    },
    [order, t, focus],
  );

  /** Shows why the server refused, under the field it names when the form has that field. */
  const fromServer = useCallback(
    (error: unknown) => {
      const message = error instanceof ApiError ? error.message : t('app.error');
      const field = serverField(error, order);
      if (field) {
        setErrors({ [field]: message } as Partial<Record<K, string>>);
        focus(field);
      } else {
        setFormError(message);
      }
    },
    [order, t, focus],
  );

  const reset = useCallback(() => {
    setErrors({});
    setFormError(null);
  }, []);

  return { errors, formError, id, check, fromServer, reset };
}
