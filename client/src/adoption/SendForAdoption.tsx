import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { HEARING_LIMITS, type VersionSummaryView } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link } from 'react-router-dom';
import { api } from '../api/client.js';
import { SelectField } from '../components/SelectField.js';
import { useFormErrors } from '../forms/useFormErrors.js';
import { useSubmit } from '../forms/useSubmit.js';
import { FormError } from '../forms/FormError.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { versionLabel } from '../versions/versionLabel.js';

const SEND_FIELDS = ['versionId', 'note'] as const;

/** The sekretariat's form: a version of the plan goes to every party for adoption. */
export function SendForAdoption({
  planId,
  versions,
  onSent,
}: {
  planId: string;
  versions: readonly VersionSummaryView[];
  onSent: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('adoption-send', SEND_FIELDS);
  const { busy, run } = useSubmit(form.fromServer);
  const [versionId, setVersionId] = useState('');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    if (!form.check(versionId ? {} : { versionId: 'adoption.required.versionId' })) return;
    const version = versions.find((v) => v.id === versionId);
    await run(async () => {
      await api.command('adoptions.send', { planId, versionId, note: note.trim() || null });
      setSent(version ? versionLabel(version, t) : '');
      setVersionId('');
      setNote('');
      await onSent();
    });
  }

  return (
    <form className="adoption-page__send" onSubmit={(e) => void submit(e)} noValidate data-testid="adoption.send-form">
      <Heading level={2} data-size="xs">
        {t('adoption.sendHeading')}
      </Heading>
      {versions.length === 0 ? (
        <Paragraph data-size="sm">
          {t('adoption.noVersions')} <Link to={`/plans/${planId}/versjoner`}>{t('adoption.versionsLink')}</Link>
        </Paragraph>
      ) : (
        <>
          <FormError message={form.formError} />
          <SelectField
            id={form.id('versionId')}
            label={t('adoption.versionLabel')}
            description={t('adoption.versionHint')}
            value={versionId}
            onChange={setVersionId}
            error={form.errors.versionId}
            placeholder={t('adoption.chooseVersion')}
            options={versions.map((v) => ({ value: v.id, label: `${versionLabel(v, t)} (${formatDateTime(v.at)})` }))}
            testId="adoption.send.version"
          />
          <Textfield
            id={form.id('note')}
            label={t('adoption.noteLabel')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={form.errors.note}
            maxLength={HEARING_LIMITS.note}
            data-testid="adoption.send.note"
          />
          <Button type="submit" disabled={busy} data-testid="adoption.send">
            {t('adoption.send')}
          </Button>
        </>
      )}
      <div role="status">
        {sent !== null && (
          <Alert data-color="success" data-testid="adoption.sent">
            {t('adoption.sent', { name: sent })}
          </Alert>
        )}
      </div>
    </form>
  );
}
