import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from '../i18n/useTranslation.js';

/** Whether a party or person is active, as a tag in an admin table. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={active ? 'success' : 'neutral'}>
      {active ? t('admin.active') : t('admin.inactive')}
    </Tag>
  );
}
