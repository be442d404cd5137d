import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { useConnection } from '../collab/CollabContext.js';
import { connectionState } from './connectionState.js';

/** Online, saving, reconnecting, or offline with the number of changes not yet stored. */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const connection = useConnection();
  const { unsynced } = connection;
  const state = connectionState(connection, useBrowserOnline());
  const label =
    state === 'offline'
      ? unsynced > 0
        ? t('connection.offlineUnsynced', { count: unsynced })
        : t('connection.offline')
      : t(`connection.${state}`);
  return (
    <p
      className={`connection connection--${state}`}
      role="status"
      data-testid="connection.status"
      data-state={state}
      data-unsynced={unsynced}
    >
      <span className="connection__dot" aria-hidden="true" />
      {label}
    </p>
  );
}

function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
