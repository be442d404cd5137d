import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { INPUT_LIMITS, LANGUAGES, type Language, type ProfileView } from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { useNavigate } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { FormError } from '../forms/FormError.js';
import { useFormErrors } from '../forms/useFormErrors.js';
import { currentLanguage, setLanguage } from '../i18n/index.js';
import { useSession } from '../session/SessionContext.js';

const FIELDS = ['name', 'language'] as const;

/** Everyone's own page: their name, their written form (kept on the server), and signing out everywhere. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { user, refresh, logoutEverywhere } = useSession();
  const navigate = useNavigate();
  const form = useFormErrors('profile', FIELDS);
  const [name, setName] = useState(user?.name ?? '');
  const [language, setChosenLanguage] = useState<Language>(user?.language ?? currentLanguage());
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [signOutError, setSignOutError] = useState<string | null>(null);
  const [profile, setProfile] = useState<ProfileView | null>(null);

  useEffect(() => {
    document.title = `${t('profile.title')} – ${t('app.name')}`;
  }, [t]);
  useEffect(() => {
    api
      .profile()
      .then(setProfile)
      // The session's answer already has all but the party's name.
      .catch(() => undefined);
  }, []);

  if (!user) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (!form.check(name.trim() ? {} : { name: 'form.nameRequired' })) return;
    setBusy(true);
    try {
      await api.updateProfile({ name: name.trim(), language });
      await setLanguage(language);
      await refresh();
      setSaved(true);
    } catch (error) {
      form.fromServer(error);
    } finally {
      setBusy(false);
    }
  }

  async function signOutEverywhere() {
    setSignOutError(null);
    try {
      await logoutEverywhere();
      void navigate('/login', { replace: true });
    } catch (error) {
      setSignOutError(error instanceof ApiError ? error.message : t('app.error'));
    }
  }

  return (
    <>
      <AppHeader />
      <main id="main" className="profile-page" data-testid="profile.page">
        <Heading level={1} data-size="md">
          {t('profile.title')}
        </Heading>
        <dl className="facts">
          <dt>{t('profile.email')}</dt>
          <dd>{user.email}</dd>
          {profile && (
            <>
              <dt>{t('profile.party')}</dt>
              <dd data-testid="profile.party">{profile.party.name}</dd>
            </>
          )}
          {user.helsefellesskap && (
            <>
              <dt>{t('profile.partnership')}</dt>
              <dd>{user.helsefellesskap.name}</dd>
            </>
          )}
          {user.role && (
            <>
              <dt>{t('profile.role')}</dt>
              <dd>{t(`role.${user.role}`)}</dd>
            </>
          )}
        </dl>
        <form className="panel" onSubmit={(e) => void save(e)} noValidate>
          <Heading level={2} data-size="sm">
            {t('profile.settings')}
          </Heading>
          <FormError message={form.formError} />
          <Textfield
            id={form.id('name')}
            label={t('profile.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={form.errors.name}
            maxLength={INPUT_LIMITS.name}
            autoComplete="name"
            required
          />
          <Fieldset id={form.id('language')} data-testid="profile.language">
            <Fieldset.Legend>{t('profile.language')}</Fieldset.Legend>
            <Fieldset.Description>{t('profile.languageHint')}</Fieldset.Description>
            {LANGUAGES.map((code) => (
              <Radio
                key={code}
                name="language"
                value={code}
                lang={code}
                label={t(`app.languages.${code}`)}
                checked={language === code}
                onChange={() => setChosenLanguage(code)}
              />
            ))}
          </Fieldset>
          <div className="form-actions">
            <Button type="submit" disabled={busy} data-testid="profile.save">
              {busy ? t('app.saving') : t('profile.save')}
            </Button>
          </div>
          <div role="status" className="form-status">
            {saved && (
              <Alert data-color="success" data-size="sm" data-testid="profile.saved">
                {t('profile.saved')}
              </Alert>
            )}
          </div>
        </form>
        <section className="panel" aria-labelledby="profile-sessions">
          <Heading level={2} data-size="sm" id="profile-sessions">
            {t('profile.sessions')}
          </Heading>
          <Paragraph>{t('profile.sessionsBody')}</Paragraph>
          {signOutError && (
            <Alert data-color="danger" role="alert">
              {signOutError}
            </Alert>
          )}
          <div className="form-actions">
            <Button
              variant="secondary"
              onClick={() => void signOutEverywhere()}
              data-testid="profile.logout-everywhere"
            >
              {t('profile.logoutEverywhere')}
            </Button>
          </div>
        </section>
      </main>
    </>
  );
}
