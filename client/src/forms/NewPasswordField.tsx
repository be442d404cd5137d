import { Textfield } from '@digdir/designsystemet-react';
import { INPUT_LIMITS } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';

/** A password being chosen, with how long it must be; the browser may offer a generated one. */
export function NewPasswordField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Textfield
      id={id}
      label={label}
      description={t('form.passwordHint', { min: INPUT_LIMITS.passwordMin })}
      type="password"
      value={value}
      onChange={onChange}
      error={error}
      autoComplete="new-password"
      required
    />
  );
}
