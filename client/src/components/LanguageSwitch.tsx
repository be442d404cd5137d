import { ToggleGroup } from '@digdir/designsystemet-react';
import { useTranslation } from '../i18n/useTranslation.js';
import { currentLanguage } from '../i18n/index.js';
import { useSession } from '../session/SessionContext.js';

/** Bokmål or nynorsk: remembered on this device, and in the profile of whoever is logged in. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { chooseLanguage } = useSession();
  return (
    <ToggleGroup
      data-size="sm"
      aria-label={t('app.language')}
      value={currentLanguage()}
      onChange={(value) => void chooseLanguage(value === 'nn' ? 'nn' : 'nb')}
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
