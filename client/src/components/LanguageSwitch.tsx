import { ToggleGroup } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n/index.js';

/** Bokmål or nynorsk, remembered on this device. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <ToggleGroup
      data-size="sm"
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={(value) => void setLanguage(value === 'nn' ? 'nn' : 'nb')}
      data-testid="app.language"
    >
      <ToggleGroup.Item value="nb" lang="nb">
        {t('app.languages.nb')}
      </ToggleGroup.Item>
      <ToggleGroup.Item value="nn" lang="nn">
        {t('app.languages.nn')}
      </ToggleGroup.Item>
    </ToggleGroup>
  );
}
