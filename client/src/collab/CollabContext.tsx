import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { CollabClient, collabUrl, type CollabDocument, type ConnectionSnapshot } from './CollabClient.js';

const CollabContext = createContext<CollabClient | null>(null);

/** Opens the tab's collaboration socket for a logged-in user; closes it on logout. */
export function CollabProvider({ children }: { children: ReactNode }) {
  const [client, setClient] = useState<CollabClient | null>(null);
  useEffect(() => {
    const created = new CollabClient(collabUrl(window.location));
    setClient(created);
    return () => created.destroy();
  }, []);
  useEffect(() => {
    if (!client) return undefined;
    // Leaving (closing the tab, reloading, following a link out) while the server has not
    // confirmed every edit asks first: those edits exist only in this tab.
    const warn = (event: BeforeUnloadEvent) => {
      if (client.getSnapshot().unsynced === 0) return;
      event.preventDefault();
      event.returnValue = ''; // Chromium before 119 needs this to show the prompt.
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [client]);
  if (!client) return null;
  return <CollabContext.Provider value={client}>{children}</CollabContext.Provider>;
}

export function useCollabClient(): CollabClient {
  const client = useContext(CollabContext);
  if (!client) throw new Error('useCollabClient outside CollabProvider');
  return client;
}

export function useConnection(): ConnectionSnapshot {
  const client = useCollabClient();
  return useSyncExternalStore(client.subscribe, client.getSnapshot);
}

/**
 * A shared document for as long as the calling component is mounted (null until opened);
 * re-renders on its own events only. Opening happens in the effect so every open has its release.
 */
export function useCollabDocument(name: string): CollabDocument | null {
  const client = useCollabClient();
  const [opened, setOpened] = useState(false);
  useSyncExternalStore(
    client.subscribe,
    useCallback(() => client.documentVersion(name), [client, name]),
  );
  useEffect(() => {
    client.open(name);
    setOpened(true);
    return () => {
      client.release(name);
      setOpened(false);
    };
  }, [client, name]);
  return opened ? client.current(name) : null;
}
