import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { ApiError } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { useSession } from '../session/SessionContext.js';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useSession();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/plans';

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

  return (
    <>
      <AppHeader />
      <main id="main" className="login-page">
        <form className="login-form" onSubmit={(e) => void submit(e)} noValidate>
          <Heading level={1} data-size="md">
            {t('login.title')}
          </Heading>
          <Paragraph>{t('login.intro')}</Paragraph>
          {error && (
            <Alert data-color="danger" data-testid="login.error" role="alert">
              <Heading level={2} data-size="2xs">
                {t('login.failed')}
              </Heading>
              <Paragraph>{error}</Paragraph>
            </Alert>
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
        </form>
      </main>
    </>
  );
}
