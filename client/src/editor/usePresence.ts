import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

export interface PresentUser {
  clientId: number;
  name: string;
  color: string;
  party: string;
}

/** Everyone else whose awareness says they have this section open. */
export function usePresence(provider: HocuspocusProvider | undefined): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    const awareness = provider?.awareness;
    if (!awareness) return undefined;
    const update = () => {
      const list: PresentUser[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: Partial<PresentUser> }).user;
        if (clientId === awareness.clientID || !user?.name) return;
        list.push({ clientId, name: user.name, color: user.color ?? '#444', party: user.party ?? '' });
      });
      list.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
      setUsers(list);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [provider]);
  return users;
}
