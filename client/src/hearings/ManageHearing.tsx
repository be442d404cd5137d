import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { HEARING_LIMITS, type HearingSummaryView, type ResponsePublication } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { FormError } from '../forms/FormError.js';
import { DeadlineFields } from './DeadlineFields.js';
import { PublicationChoice } from './PublicationChoice.js';
import { formatOsloDeadline, osloInputValues, osloToIso } from './osloTime.js';

/** The sekretariat's controls of a hearing: a later deadline with a reason, when responses are published, closing early. */
export function ManageHearing({ hearing, onChanged }: { hearing: HearingSummaryView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [deadline, setDeadline] = useState(() => osloInputValues(hearing.deadline));
  const [reason, setReason] = useState('');
  const [publication, setPublication] = useState<ResponsePublication>(hearing.publishResponses);
  const [deadlineError, setDeadlineError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const message = await action();
      await onChanged();
      setDone(message);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  function extend(event: FormEvent) {
    event.preventDefault();
    const iso = osloToIso(deadline.date, deadline.time);
    setDeadlineError(iso ? undefined : t('hearings.list.deadlineInvalid'));
    if (!iso) return;
    void run(async () => {
      await api.command('hearings.extend', { hearingId: hearing.id, deadline: iso, reason });
      setReason('');
      return t('hearings.list.extended', { deadline: formatOsloDeadline(iso) });
    });
  }

  return (
    <section className="hearing-manage" aria-labelledby="manage-heading" data-testid="hearings.manage">
      <Heading level={2} data-size="xs" id="manage-heading">
        {t('hearings.list.manage', { title: hearing.title })}
      </Heading>
      <form onSubmit={extend} noValidate className="hearing-manage">
        <Heading level={3} data-size="2xs">
          {t('hearings.list.extendHeading')}
        </Heading>
        <DeadlineFields
          idPrefix="extend-deadline"
          dateLabel={t('hearings.list.newDate')}
          timeLabel={t('hearings.list.newTime')}
          value={deadline}
          onChange={setDeadline}
          error={deadlineError}
        />
        <Textfield
          id="extend-reason"
          label={t('hearings.list.reason')}
          description={t('hearings.list.reasonHint')}
          value={reason}
          maxLength={HEARING_LIMITS.reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="hearings.extend-reason"
        />
        <Button type="submit" variant="secondary" disabled={busy} data-testid="hearings.extend">
          {t('hearings.list.extend')}
        </Button>
      </form>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await api.command('hearings.setPublication', { hearingId: hearing.id, publishResponses: publication });
            return t('hearings.list.publicationSaved');
          });
        }}
      >
        <PublicationChoice name="manage-publication" value={publication} onChange={setPublication} />
        <Button type="submit" variant="secondary" disabled={busy} data-testid="hearings.save-publication">
          {t('hearings.list.savePublication')}
        </Button>
      </form>
      {hearing.open && (
        <Button variant="secondary" data-color="danger" onClick={() => setClosing(true)} data-testid="hearings.close">
          {t('hearings.list.close')}
        </Button>
      )}
      <FormError message={error} testId="hearings.manage-error" />
      <div role="status">
        {done && (
          <Alert data-color="success" data-testid="hearings.manage-done">
            {done}
          </Alert>
        )}
      </div>
      <ConfirmDialog
        open={closing}
        title={t('hearings.list.closeTitle')}
        body={t('hearings.list.closeBody')}
        confirmLabel={t('hearings.list.closeConfirm')}
        onConfirm={async () => {
          await api.command('hearings.close', { hearingId: hearing.id });
          await onChanged();
          setDone(t('hearings.list.closedNow'));
        }}
        onClose={() => setClosing(false)}
        testId="hearings.close-dialog"
      />
    </section>
  );
}
