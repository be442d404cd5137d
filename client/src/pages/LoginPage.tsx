import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { ERRORS, errorMessage, type AuthMethodsView, type ErrorCode } from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { api, ApiError, oidcLoginHref } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { currentLanguage } from '../i18n/index.js';
import { useSession } from '../session/SessionContext.js';

/** Until the server says otherwise: the password form, as before OpenID Connect existed. */
const PASSWORDS_ONLY: AuthMethodsView = { passwords: true, oidc: null, needsSetup: false };

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useSession();
  const location = useLocation();
  const [search] = useSearchParams();
  const [methods, setMethods] = useState<AuthMethodsView>(PASSWORDS_ONLY);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/plans';
  // An OpenID Connect login that failed comes back here with the server's error code.
  const redirectError = search.get('error');
  const redirectMessage =
    redirectError && Object.hasOwn(ERRORS, redirectError)
      ? errorMessage(redirectError as ErrorCode, currentLanguage())
      : null;

  useEffect(() => {
    api
      .authMethods()
      .then(setMethods)
      .catch((err: unknown) => {
        if (!(err instanceof ApiError)) console.error(err);
      });
  }, []);

  if (user) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email, password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  const shownError = error ?? redirectMessage;
  return (
    <>
      <AppHeader />
      <main id="main" className="login-page">
        <form className="login-form" onSubmit={(e) => void submit(e)} noValidate>
          <Heading level={1} data-size="md">
            {t('login.title')}
          </Heading>
          <Paragraph>{t('login.intro')}</Paragraph>
          {methods.needsSetup && (
            <Alert data-color="info" data-testid="login.needs-setup">
              <Paragraph>{t('login.needsSetup')}</Paragraph>
              <Link to="/setup">{t('login.toSetup')}</Link>
            </Alert>
          )}
          {shownError && (
            <Alert data-color="danger" data-testid="login.error" role="alert">
              <Heading level={2} data-size="2xs">
                {t('login.failed')}
              </Heading>
              <Paragraph>{shownError}</Paragraph>
            </Alert>
          )}
          {methods.oidc && (
            <Button asChild variant={methods.passwords ? 'secondary' : 'primary'}>
              <a href={oidcLoginHref(from)} data-testid="login.oidc">
                {t('login.oidc', { label: methods.oidc.label })}
              </a>
            </Button>
          )}
          {methods.passwords && (
            <>
              {methods.oidc && (
                <Paragraph data-size="sm" className="login-form__or">
                  {t('login.orPassword')}
                </Paragraph>
              )}
              <Textfield
                label={t('login.email')}
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                data-testid="login.email"
              />
              <Textfield
                label={t('login.password')}
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="login.password"
              />
              <Button type="submit" disabled={busy} data-testid="login.submit">
                {busy ? t('login.submitting') : t('login.submit')}
              </Button>
            </>
          )}
        </form>
      </main>
    </>
  );
}
