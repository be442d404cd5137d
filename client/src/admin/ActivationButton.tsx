import { Button } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

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
    <Button
      variant="tertiary"
      data-size="sm"
      aria-label={t('admin.deactivateNamed', { name })}
      onClick={onDeactivate}
      data-testid={`${testIdPrefix}.deactivate`}
    >
      {t('admin.deactivate')}
    </Button>
  ) : (
    <Button
      variant="tertiary"
      data-size="sm"
      aria-label={t('admin.reactivateNamed', { name })}
      onClick={() => void onReactivate()}
      data-testid={`${testIdPrefix}.reactivate`}
    >
      {t('admin.reactivate')}
    </Button>
  );
}
