import type { NotificationsView } from '@fellesplan/domain';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client.js';

const EMPTY: NotificationsView = { unread: 0, notifications: [] };

/**
 * The person's notifications, kept current without reloading: the server's event stream says
 * when there is news, and the list is read again. The stream ends on logout; the browser's
 * EventSource reconnects by itself after a network break.
 */
export function useNotifications(enabled: boolean) {
  const [view, setView] = useState<NotificationsView>(EMPTY);
  const reload = useCallback(() => {
    api
      .notifications()
      .then(setView)
      // A failed read keeps what is shown; the next event or action reads again.
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (!enabled) return undefined;
    reload();
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/notifications/stream');
    source.addEventListener('changed', reload);
    // Reconnected after a break: what came meanwhile is read again.
    source.addEventListener('ready', reload);
    return () => source.close();
  }, [enabled, reload]);

  const markRead = useCallback(
    async (which: { ids: string[] } | { all: true }) => {
      await api.markNotificationsRead(which);
      reload();
    },
    [reload],
  );
  return { ...view, markRead };
}
