import { useTranslation } from '../i18n/useTranslation.js';
import { RowButton } from './RowButton.js';

/**
 * Deactivate (asks first, in a dialog the page opens) or reactivate (at once) one party or person
 * in an admin table row; the accessible name says whom.
 */
export function ActivationButton({
  active,
  name,
  testIdPrefix,
  onDeactivate,
  onReactivate,
}: {
  active: boolean;
  name: string;
  /** `parties` gives `parties.deactivate` and `parties.reactivate`. */
  testIdPrefix: string;
  onDeactivate: () => void;
  onReactivate: () => Promise<void>;
}) {
  const { t } = useTranslation();
  return active ? (
    <RowButton
      label={t('admin.deactivate')}
      accessibleName={t('admin.deactivateNamed', { name })}
      onClick={onDeactivate}
      testId={`${testIdPrefix}.deactivate`}
    />
  ) : (
    <RowButton
      label={t('admin.reactivate')}
      accessibleName={t('admin.reactivateNamed', { name })}
      onClick={() => void onReactivate()}
      testId={`${testIdPrefix}.reactivate`}
    />
  );
}
