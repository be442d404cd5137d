import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, NavLink } from 'react-router-dom';
import { mayAdminister } from '../session/mayAdminister.js';
import { useSession } from '../session/SessionContext.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { NotificationBell } from '../notifications/NotificationBell.js';

export function AppHeader({ partyName, children }: { partyName?: string | undefined; children?: ReactNode }) {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        {t('app.name')}
      </Link>
      {user && (
        <nav className="app-header__nav" aria-label={t('app.mainNav')}>
          <NavLink to="/plans" end data-testid="app.nav.plans">
            {t('app.nav.plans')}
          </NavLink>
          {mayAdminister(user) && (
            <NavLink to="/admin" data-testid="app.nav.admin">
              {t('app.nav.admin')}
            </NavLink>
          )}
          <NavLink to="/profile" data-testid="app.nav.profile">
            {t('app.nav.profile')}
          </NavLink>
        </nav>
      )}
      <div className="app-header__tools">
        {children}
        <LanguageSwitch />
        {user && (
          <>
            <NotificationBell />
            <Paragraph data-size="sm" className="app-header__user" data-testid="app.user">
              {partyName ? t('app.loggedInAs', { name: user.name, party: partyName }) : user.name}
            </Paragraph>
            <Button variant="tertiary" data-size="sm" onClick={() => void logout()} data-testid="app.logout">
              {t('app.logout')}
            </Button>
          </>
        )}
      </div>
    </header>
  );
}
