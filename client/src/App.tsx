import { Alert, Heading, Spinner } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { CollabProvider } from './collab/CollabContext.js';
import { AppHeader } from './components/AppHeader.js';
import { AdminLayout } from './pages/admin/AdminLayout.js';
import { PartiesPage } from './pages/admin/PartiesPage.js';
import { PeoplePage } from './pages/admin/PeoplePage.js';
import { PlansAdminPage } from './pages/admin/PlansAdminPage.js';
import { AuditPage } from './pages/AuditPage.js';
import { InvitePage } from './pages/InvitePage.js';
import { LoginPage } from './pages/LoginPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { SetupPage } from './pages/SetupPage.js';
import { StructurePage } from './pages/StructurePage.js';
import { mayAdminister } from './session/mayAdminister.js';
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

/** The administration pages; the server refuses every one of their commands to anyone else. */
function RequireAdmin({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const { t } = useTranslation();
  if (mayAdminister(user)) return <>{children}</>;
  return (
    <>
      <AppHeader />
      <main id="main" className="admin-page" data-testid="admin.forbidden">
        <Heading level={1} data-size="md">
          {t('admin.title')}
        </Heading>
        <Alert data-color="warning">{t('admin.forbidden')}</Alert>
        <Link to="/plans">{t('app.backToPlans')}</Link>
      </main>
    </>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

function signedIn(page: ReactNode) {
  return <RequireSession>{page}</RequireSession>;
}

function administrator(page: ReactNode) {
  return (
    <RequireSession>
      <RequireAdmin>{page}</RequireAdmin>
    </RequireSession>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <SkipLink />
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/setup/:token" element={<SetupPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route path="/plans" element={signedIn(<PlansPage />)} />
          <Route path="/plans/:planId" element={signedIn(<PlanPage />)} />
          <Route path="/plans/:planId/logg" element={signedIn(<AuditPage />)} />
          <Route path="/plans/:planId/structure" element={administrator(<StructurePage />)} />
          <Route path="/profile" element={signedIn(<ProfilePage />)} />
          <Route path="/admin" element={administrator(<AdminLayout />)}>
            <Route index element={<Navigate to="parter" replace />} />
            <Route path="parter" element={<PartiesPage />} />
            <Route path="personer" element={<PeoplePage />} />
            <Route path="planer" element={<PlansAdminPage />} />
          </Route>
          <Route path="*" element={<Navigate to="/plans" replace />} />
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
