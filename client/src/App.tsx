import { Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { CollabProvider } from './collab/CollabContext.js';
import { AuditPage } from './pages/AuditPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { SessionProvider, useSession } from './session/SessionContext.js';

function RequireSession({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (user === undefined) return <Spinner aria-label={t('app.loading')} />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  // The socket opens only for a logged-in user and closes on logout (the provider unmounts).
  return <CollabProvider>{children}</CollabProvider>;
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <SkipLink />
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            path="/plans"
            element={
              <RequireSession>
                <PlansPage />
              </RequireSession>
            }
          />
          <Route
            path="/plans/:planId"
            element={
              <RequireSession>
                <PlanPage />
              </RequireSession>
            }
          />
          <Route
            path="/plans/:planId/logg"
            element={
              <RequireSession>
                <AuditPage />
              </RequireSession>
            }
          />
          <Route path="*" element={<Navigate to="/plans" replace />} />
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
