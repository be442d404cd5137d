import { Alert, Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { INPUT_LIMITS } from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { accountErrors } from '../forms/accountErrors.js';
import { FormError } from '../forms/FormError.js';
import { NewPasswordField } from '../forms/NewPasswordField.js';
import { useFormErrors } from '../forms/useFormErrors.js';
import { setupTokenFrom } from '../session/setupTokenFrom.js';
import { useSession } from '../session/SessionContext.js';

const FIELDS = ['partnershipName', 'partyName', 'name', 'email', 'password'] as const;

/**
 * The first start (`/setup/<token>`, the link the server printed): creates the helsefellesskap
 * and its first administrator, who is logged in and taken to the administration area.
 */
export function SetupPage() {
  const { token = '' } = useParams();
  return token ? <SetupForm token={token} /> : <SetupLinkForm />;
}

/** `/setup` without a token (linked from the login page): where to paste the printed link. */
function SetupLinkForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  function submit(event: FormEvent) {
    event.preventDefault();
    const found = setupTokenFrom(pasted);
    if (found) void navigate(`/setup/${found}`);
    else {
      setError(t('setup.linkInvalid'));
      document.getElementById('setup-link')?.focus();
    }
  }
  return (
    <>
      <AppHeader />
      <main id="main" className="auth-page" data-testid="setup.page">
        <form className="auth-form" onSubmit={submit} noValidate>
          <Heading level={1} data-size="md">
            {t('setup.title')}
          </Heading>
          <Paragraph>{t('setup.linkIntro')}</Paragraph>
          <Textfield
            id="setup-link"
            label={t('setup.link')}
            value={pasted}
            onChange={(e) => setPasted(e.target.value)}
            error={error}
            required
          />
          <Button type="submit">{t('setup.continue')}</Button>
        </form>
      </main>
    </>
  );
}

function SetupForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useFormErrors('setup', FIELDS);
  const [values, setValues] = useState({ partnershipName: '', partyName: '', name: '', email: '', password: '' });
  const [alreadyDone, setAlreadyDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('setup.title')} – ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    api
      .authMethods()
      .then((methods) => setAlreadyDone(!methods.needsSetup))
      // The form itself reports a used link; this is only the early hint.
      .catch(() => undefined);
  }, []);

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems = {
      ...(values.partnershipName.trim() ? {} : { partnershipName: 'form.nameRequired' }),
      ...accountErrors(values),
    };
    if (!form.check(problems)) return;
    setBusy(true);
    try {
      const session = await api.setup({
        token,
        partnershipName: values.partnershipName.trim(),
        admin: { name: values.name.trim(), email: values.email.trim(), password: values.password },
        ...(values.partyName.trim() ? { partyName: values.partyName.trim() } : {}),
      });
      signedIn(session.user);
      void navigate('/admin', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'setup_done') setAlreadyDone(true);
      else form.fromServer(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="auth-page" data-testid="setup.page">
        {alreadyDone ? (
          <div className="auth-form">
            <Heading level={1} data-size="md">
              {t('setup.title')}
            </Heading>
            <Alert data-color="info" data-testid="setup.done">
              <Paragraph>{t('setup.done')}</Paragraph>
            </Alert>
            <Link to="/login">{t('setup.toLogin')}</Link>
          </div>
        ) : (
          <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
            <Heading level={1} data-size="md">
              {t('setup.title')}
            </Heading>
            <Paragraph>{t('setup.intro')}</Paragraph>
            <FormError message={form.formError} heading={t('setup.failed')} testId="setup.error" />
            <Textfield
              id={form.id('partnershipName')}
              label={t('setup.partnershipName')}
              description={t('setup.partnershipNameHint')}
              value={values.partnershipName}
              onChange={set('partnershipName')}
              error={form.errors.partnershipName}
              maxLength={INPUT_LIMITS.name}
              autoComplete="organization"
              required
            />
            <Textfield
              id={form.id('partyName')}
              label={t('setup.partyName')}
              description={t('setup.partyNameHint')}
              value={values.partyName}
              onChange={set('partyName')}
              error={form.errors.partyName}
              maxLength={INPUT_LIMITS.name}
            />
            <Fieldset>
              <Fieldset.Legend>{t('setup.adminHeading')}</Fieldset.Legend>
              <Textfield
                id={form.id('name')}
                label={t('setup.name')}
                value={values.name}
                onChange={set('name')}
                error={form.errors.name}
                maxLength={INPUT_LIMITS.name}
                autoComplete="name"
                required
              />
              <Textfield
                id={form.id('email')}
                label={t('setup.email')}
                type="email"
                value={values.email}
                onChange={set('email')}
                error={form.errors.email}
                autoComplete="email"
                required
              />
              <NewPasswordField
                id={form.id('password')}
                label={t('setup.password')}
                value={values.password}
                onChange={set('password')}
                error={form.errors.password}
              />
            </Fieldset>
            <Button type="submit" disabled={busy} data-testid="setup.submit">
              {busy ? t('setup.submitting') : t('setup.submit')}
            </Button>
          </form>
        )}
      </main>
    </>
  );
}
