import type { Language, UserView } from '@fellesplan/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api/client.js';
import { currentLanguage, setLanguage } from '../i18n/index.js';
import { takeSessionCheck } from './sessionCheck.js';

interface SessionState {
  /** `undefined` while we ask the server who we are; `null` when logged out. */
  user: UserView | null | undefined;
  login(email: string, password: string): Promise<void>;
  /** A session the server opened some other way (first setup, an accepted invitation). */
  signedIn(user: UserView): void;
  /** Asks the server again who we are, after a change to the profile. */
  refresh(): Promise<void>;
  logout(): Promise<void>;
  /** Ends every session of this person, on every device, then this one. */
  logoutEverywhere(): Promise<void>;
  /** Switches the written form here and, when logged in, remembers it on the server for every device. */
  chooseLanguage(language: Language): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserView | null | undefined>(undefined);

  useEffect(() => {
    takeSessionCheck()
      .then(({ user: me }) => setUser(me))
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) console.error(error);
        setUser(null);
      });
  }, []);

  // A language saved on the server follows the person to every device.
  const savedLanguage = user?.language;
  useEffect(() => {
    if (savedLanguage && savedLanguage !== currentLanguage()) void setLanguage(savedLanguage);
  }, [savedLanguage]);

  const login = useCallback(async (email: string, password: string) => {
    const session = await api.login(email, password);
    setUser(session.user);
  }, []);

  const signedIn = useCallback((me: UserView) => setUser(me), []);

  const refresh = useCallback(async () => {
    const { user: me } = await api.currentUser();
    setUser(me);
  }, []);

  const logout = useCallback(async () => {
    await api.logout();
    setUser(null);
  }, []);

  const logoutEverywhere = useCallback(async () => {
    await api.signOutEverywhere();
    setUser(null);
  }, []);

  const chooseLanguage = useCallback(
    async (language: Language) => {
      await setLanguage(language);
      if (!user) return;
      setUser({ ...user, language });
      try {
        await api.updateProfile({ language });
      } catch (error) {
        // The choice still holds on this device; the profile page reports failures to save.
        if (!(error instanceof ApiError)) console.error(error);
      }
    },
    [user],
  );

  const value = useMemo(
    () => ({ user, login, signedIn, refresh, logout, logoutEverywhere, chooseLanguage }),
    [user, login, signedIn, refresh, logout, logoutEverywhere, chooseLanguage],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
