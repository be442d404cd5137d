import { Alert, Heading, Spinner } from '@digdir/designsystemet-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from './i18n/useTranslation.js';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { CollabProvider } from './collab/CollabContext.js';
import { AppHeader } from './components/AppHeader.js';
import { LoginPage } from './pages/LoginPage.js';
import { PlanPage } from './pages/PlanPage.js';
import { PlansPage } from './pages/PlansPage.js';
import { mayAdminister } from './session/mayAdminister.js';
import { SessionProvider, useSession } from './session/SessionContext.js';

// Pages off the daily path load on first visit, so the plan page's first screen does not wait
// for administration, structure, log, profile, setup or invitation code.
const AdminLayout = lazy(() => import('./pages/admin/AdminLayout.js').then((m) => ({ default: m.AdminLayout })));
const PartiesPage = lazy(() => import('./pages/admin/PartiesPage.js').then((m) => ({ default: m.PartiesPage })));
const PeoplePage = lazy(() => import('./pages/admin/PeoplePage.js').then((m) => ({ default: m.PeoplePage })));
const PlansAdminPage = lazy(() =>
  import('./pages/admin/PlansAdminPage.js').then((m) => ({ default: m.PlansAdminPage })),
);
const AuditPage = lazy(() => import('./pages/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const InvitePage = lazy(() => import('./pages/InvitePage.js').then((m) => ({ default: m.InvitePage })));
const ProfilePage = lazy(() => import('./pages/ProfilePage.js').then((m) => ({ default: m.ProfilePage })));
const SetupPage = lazy(() => import('./pages/SetupPage.js').then((m) => ({ default: m.SetupPage })));
const VersionsPage = lazy(() => import('./pages/VersionsPage.js').then((m) => ({ default: m.VersionsPage })));
const VersionPage = lazy(() => import('./pages/VersionPage.js').then((m) => ({ default: m.VersionPage })));
const ComparePage = lazy(() => import('./pages/ComparePage.js').then((m) => ({ default: m.ComparePage })));
const SectionHistoryPage = lazy(() =>
  import('./pages/SectionHistoryPage.js').then((m) => ({ default: m.SectionHistoryPage })),
);
const PublicHearingPage = lazy(() =>
  import('./pages/PublicHearingPage.js').then((m) => ({ default: m.PublicHearingPage })),
);
const HearingsPage = lazy(() => import('./pages/HearingsPage.js').then((m) => ({ default: m.HearingsPage })));
const HearingWorkbenchPage = lazy(() =>
  import('./pages/HearingWorkbenchPage.js').then((m) => ({ default: m.HearingWorkbenchPage })),
);
const AdoptionPage = lazy(() => import('./pages/AdoptionPage.js').then((m) => ({ default: m.AdoptionPage })));
const HearingSummaryPage = lazy(() =>
  import('./pages/HearingSummaryPage.js').then((m) => ({ default: m.HearingSummaryPage })),
);
const StructurePage = lazy(() => import('./pages/StructurePage.js').then((m) => ({ default: m.StructurePage })));

function PageLoading() {
  const { t } = useTranslation();
  return <Spinner aria-label={t('app.loading')} />;
}

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
        <Suspense fallback={<PageLoading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/setup" element={<SetupPage />} />
            <Route path="/setup/:token" element={<SetupPage />} />
            <Route path="/invite/:token" element={<InvitePage />} />
            {/* Public: anyone with the link reads and answers the hearing, without logging in. */}
            <Route path="/horing/:token" element={<PublicHearingPage />} />
            <Route path="/plans" element={signedIn(<PlansPage />)} />
            <Route path="/plans/:planId" element={signedIn(<PlanPage />)} />
            <Route path="/plans/:planId/logg" element={signedIn(<AuditPage />)} />
            <Route path="/plans/:planId/versjoner" element={signedIn(<VersionsPage />)} />
            <Route path="/plans/:planId/versjoner/:versionId" element={signedIn(<VersionPage />)} />
            <Route path="/plans/:planId/horinger" element={signedIn(<HearingsPage />)} />
            <Route path="/plans/:planId/horinger/:hearingId" element={signedIn(<HearingWorkbenchPage />)} />
            <Route path="/plans/:planId/vedtak" element={signedIn(<AdoptionPage />)} />
            <Route path="/plans/:planId/horinger/:hearingId/oppsummering" element={signedIn(<HearingSummaryPage />)} />
            <Route path="/plans/:planId/compare" element={signedIn(<ComparePage />)} />
            <Route path="/plans/:planId/seksjoner/:sectionId/historikk" element={signedIn(<SectionHistoryPage />)} />
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
        </Suspense>
      </SessionProvider>
    </BrowserRouter>
  );
}
