import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { useAdminData } from './usePartnership.js';

/**
 * What an admin page last did, announced in its status region, and why a row action failed.
 * `done` reloads the partnership and announces; `act` sends a row's command first.
 */
export function useAdminStatus() {
  const { t } = useTranslation();
  const { reload } = useAdminData();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function done(message: string) {
    await reload();
    setStatus(message);
  }

  async function act(command: () => Promise<unknown>, message: string) {
    setError(null);
    try {
      await command();
      await done(message);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('app.error'));
    }
  }

  return { status, error, done, act };
}
