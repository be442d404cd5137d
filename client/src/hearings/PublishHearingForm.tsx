import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { HEARING_LIMITS, type ResponsePublication } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { FormError } from '../forms/FormError.js';
import { DeadlineFields } from './DeadlineFields.js';
import { PublicationChoice } from './PublicationChoice.js';
import { osloToIso } from './osloTime.js';

/** The sekretariat sends the plan on hearing: its text is frozen, and a public link is made. */
export function PublishHearingForm({
  planId,
  planTitle,
  onPublished,
}: {
  planId: string;
  planTitle: string;
  onPublished: (url: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(() => t('hearings.list.titleDefault', { plan: planTitle }));
  const [intro, setIntro] = useState('');
  const [deadline, setDeadline] = useState({ date: '', time: '12:00' });
  const [publication, setPublication] = useState<ResponsePublication>('after_deadline');
  const [deadlineError, setDeadlineError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function publish(event: FormEvent) {
    event.preventDefault();
    const iso = osloToIso(deadline.date, deadline.time);
    setDeadlineError(iso ? undefined : t('hearings.list.deadlineInvalid'));
    setError(null);
    if (!iso) {
      document.getElementById('publish-deadline-date')?.focus();
      return;
    }
    setBusy(true);
    try {
      const result = await api.command('hearings.publish', {
        planId,
        title,
        deadline: iso,
        intro,
        publishResponses: publication,
      });
      await onPublished(result.url);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="hearing-manage" onSubmit={(e) => void publish(e)} noValidate data-testid="hearings.publish">
      <Heading level={2} data-size="xs">
        {t('hearings.list.publishHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('hearings.list.intro')}</Paragraph>
      <Textfield
        id="publish-title"
        label={t('hearings.list.titleLabel')}
        value={title}
        maxLength={HEARING_LIMITS.title}
        onChange={(e) => setTitle(e.target.value)}
        data-testid="hearings.publish-title"
      />
      <Textfield
        id="publish-intro"
        label={t('hearings.list.introLabel')}
        description={t('hearings.list.introHint')}
        multiline
        rows={4}
        value={intro}
        maxLength={HEARING_LIMITS.intro}
        onChange={(e) => setIntro(e.target.value)}
        data-testid="hearings.publish-intro"
      />
      <DeadlineFields
        idPrefix="publish-deadline"
        dateLabel={t('hearings.list.deadlineDate')}
        timeLabel={t('hearings.list.deadlineTime')}
        value={deadline}
        onChange={setDeadline}
        error={deadlineError}
      />
      <PublicationChoice name="publish-publication" value={publication} onChange={setPublication} />
      <FormError message={error} testId="hearings.publish-error" />
      <Button type="submit" disabled={busy} data-testid="hearings.publish-submit">
        {t('hearings.list.publish')}
      </Button>
    </form>
  );
}

/** Said after publishing, with the link to send out. */
export function PublishedNotice({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Alert data-color="success" data-testid="hearings.published">
      <Paragraph>{t('hearings.list.published')}</Paragraph>
      <Paragraph>
        <a href={url} data-testid="hearings.published-link">
          {url}
        </a>
      </Paragraph>
    </Alert>
  );
}
