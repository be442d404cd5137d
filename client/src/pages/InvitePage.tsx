import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, type InvitationPreview } from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, oidcLoginHref } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { accountErrors } from '../forms/accountErrors.js';
import { FormError } from '../forms/FormError.js';
import { NewPasswordField } from '../forms/NewPasswordField.js';
import { useFormErrors } from '../forms/useFormErrors.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';

const FIELDS = ['name', 'password'] as const;
/** Refusals that mean this link will never work again: the page says so instead of a form. */
const UNUSABLE = new Set(['invitation_used', 'invitation_expired', 'invitation_invalid', 'not_found']);

/** `/invite/<token>`: an invited person sees where they are invited and sets up their account. */
export function InvitePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const form = useFormErrors('invite', FIELDS);
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [unusable, setUnusable] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('invite.title')} – ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    api
      .invitation(token)
      .then((found) => {
        setPreview(found);
        setName(found.name);
      })
      .catch((error: unknown) => setUnusable(error instanceof ApiError ? error.message : t('app.error')));
  }, [token, t]);

  async function accept(event: FormEvent) {
    event.preventDefault();
    if (!form.check(accountErrors({ name, password }))) return;
    setBusy(true);
    try {
      const session = await api.acceptInvitation(token, { name: name.trim(), password });
      signedIn(session.user);
      void navigate('/plans', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && UNUSABLE.has(error.code)) setUnusable(error.message);
      else form.fromServer(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="auth-page" data-testid="invite.page">
        <div className="auth-form">
          <Heading level={1} data-size="md">
            {t('invite.title')}
          </Heading>
          {!preview && !unusable && <Spinner aria-label={t('app.loading')} />}
          {unusable && (
            <>
              <Alert data-color="warning" data-testid="invite.unusable">
                <Heading level={2} data-size="2xs">
                  {t('invite.unusable')}
                </Heading>
                <Paragraph>{unusable}</Paragraph>
              </Alert>
              <Link to="/login">{t('invite.toLogin')}</Link>
            </>
          )}
          {preview && !unusable && (
            <>
              <Paragraph data-testid="invite.intro">
                {t('invite.intro', { partnership: preview.partnershipName, party: preview.partyName })}
              </Paragraph>
              <dl className="facts" data-testid="invite.facts">
                <dt>{t('invite.partnership')}</dt>
                <dd>{preview.partnershipName}</dd>
                <dt>{t('invite.party')}</dt>
                <dd>{preview.partyName}</dd>
                <dt>{t('invite.role')}</dt>
                <dd>{t(`role.${preview.role}`)}</dd>
                <dt>{t('invite.email')}</dt>
                <dd>{preview.email}</dd>
                <dt>{t('invite.expires')}</dt>
                <dd>{formatDateTime(preview.expiresAt)}</dd>
              </dl>
              {preview.oidc && (
                <Button asChild variant={preview.passwords ? 'secondary' : 'primary'}>
                  <a href={oidcLoginHref('/plans', token)} data-testid="invite.oidc">
                    {t('login.oidc', { label: preview.oidc.label })}
                  </a>
                </Button>
              )}
              {preview.passwords && (
                <form className="auth-form__section" onSubmit={(e) => void accept(e)} noValidate>
                  <Heading level={2} data-size="xs">
                    {preview.oidc ? t('invite.orPassword') : t('invite.createAccount')}
                  </Heading>
                  <FormError
                    message={form.formError}
                    heading={t('invite.failed')}
                    headingLevel={3}
                    testId="invite.error"
                  />
                  <Textfield
                    id={form.id('name')}
                    label={t('invite.name')}
                    value={name}
                    onChange={(e) => setName(e.target.value)}
                    error={form.errors.name}
                    maxLength={INPUT_LIMITS.name}
                    autoComplete="name"
                    required
                  />
                  <NewPasswordField
                    id={form.id('password')}
                    label={t('invite.password')}
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                    error={form.errors.password}
                  />
                  <Button type="submit" disabled={busy} data-testid="invite.accept">
                    {busy ? t('invite.accepting') : t('invite.accept')}
                  </Button>
                </form>
              )}
            </>
          )}
        </div>
      </main>
    </>
  );
}
