import { useEffect } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';

/** The browser tab names the admin page (`tab` is its i18n key), the admin area and the app. */
export function useAdminTitle(tab: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t(tab)} – ${t('admin.title')} – ${t('app.name')}`;
  }, [t, tab]);
}
