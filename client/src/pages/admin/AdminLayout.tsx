import { Alert, Heading, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from '../../i18n/useTranslation.js';
import { NavLink, Outlet } from 'react-router-dom';
import type { AdminData } from '../../admin/usePartnership.js';
import { usePartnership } from '../../admin/usePartnership.js';
import { AppHeader } from '../../components/AppHeader.js';

/** The administration area of a helsefellesskap: parties, people and invitations, plans. */
export function AdminLayout() {
  const { t } = useTranslation();
  const { data, error, reload } = usePartnership();
  const context: AdminData | null = data && { ...data, reload };
  return (
    <>
      <AppHeader />
      <main id="main" className="admin-page" data-testid="admin.page">
        <Heading level={1} data-size="md">
          {t('admin.title')}
          {data && <span className="admin-page__partnership"> – {data.partnership.name}</span>}
        </Heading>
        <nav className="admin-tabs" aria-label={t('admin.nav')}>
          <NavLink to="/admin/parter" data-testid="admin.tab.parties">
            {t('admin.tabs.parties')}
          </NavLink>
          <NavLink to="/admin/personer" data-testid="admin.tab.people">
            {t('admin.tabs.people')}
          </NavLink>
          <NavLink to="/admin/planer" data-testid="admin.tab.plans">
            {t('admin.tabs.plans')}
          </NavLink>
        </nav>
        {error && (
          <Alert data-color="danger" role="alert">
            {error}
          </Alert>
        )}
        {!context && !error && <Spinner aria-label={t('app.loading')} />}
        {context && <Outlet context={context} />}
      </main>
    </>
  );
}
