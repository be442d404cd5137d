import { Button, Paragraph } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../session/SessionContext.js';
import { LanguageSwitch } from './LanguageSwitch.js';

export function AppHeader({ partyName, children }: { partyName?: string | undefined; children?: ReactNode }) {
  const { t } = useTranslation();
  const { user, logout } = useSession();
  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand">
        {t('app.name')}
      </Link>
      <div className="app-header__tools">
        {children}
        <LanguageSwitch />
        {user && (
          <>
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
