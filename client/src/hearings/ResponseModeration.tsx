import { Button, Textfield } from '@digdir/designsystemet-react';
import { HEARING_LIMITS, type HearingResponseView } from '@fellesplan/domain';
import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api } from '../api/client.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';

type Action = 'withhold' | 'redact' | 'republish';

/**
 * The sekretariat withholds a response from the public page, publishes it with parts blacked
 * out, or publishes it again; always with a reason for the log. The original text is kept.
 */
export function ResponseModeration({
  response,
  sectionNumber,
  onChanged,
}: {
  response: HearingResponseView;
  sectionNumber: (sectionId: string) => string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const [reason, setReason] = useState('');
  const [statement, setStatement] = useState('');
  const [remarks, setRemarks] = useState<Record<string, string>>({});

  function start(next: Action) {
    setReason('');
    setStatement(response.publicStatement ?? response.statement ?? '');
    setRemarks(Object.fromEntries(response.remarks.map((r) => [r.id, r.publicText ?? r.text])));
    setAction(next);
  }

  async function confirm() {
    if (action === 'withhold') await api.command('responses.withhold', { responseId: response.id, reason });
    if (action === 'republish') await api.command('responses.publish', { responseId: response.id, reason });
    if (action === 'redact')
      await api.command('responses.redact', {
        responseId: response.id,
        reason,
        statement: response.statement === null ? null : statement,
        remarks: response.remarks.map((r) => ({ remarkId: r.id, text: remarks[r.id] ?? r.text })),
      });
    await onChanged();
  }

  const name = response.respondent.organisation ?? response.respondent.name;
  return (
    <div className="workbench-moderation">
      {response.visibility !== 'withheld' && (
        <Button variant="tertiary" data-size="sm" onClick={() => start('withhold')} data-testid="workbench.withhold">
          {t('hearings.workbench.withhold')}
        </Button>
      )}
      <Button variant="tertiary" data-size="sm" onClick={() => start('redact')} data-testid="workbench.redact">
        {t('hearings.workbench.redact')}
      </Button>
      {response.visibility !== 'public' && (
        <Button variant="tertiary" data-size="sm" onClick={() => start('republish')} data-testid="workbench.republish">
          {t('hearings.workbench.republish')}
        </Button>
      )}
      <ConfirmDialog
        open={action !== null}
        title={t('hearings.workbench.moderateHeading', { name })}
        body={null}
        confirmLabel={action ? t(`hearings.workbench.${action}`) : ''}
        confirmDisabled={reason.trim() === ''}
        onConfirm={confirm}
        onClose={() => setAction(null)}
        testId="workbench.moderate-dialog"
      >
        <Textfield
          label={t('hearings.workbench.moderateReason')}
          value={reason}
          maxLength={HEARING_LIMITS.reason}
          onChange={(e) => setReason(e.target.value)}
        />
        {action === 'redact' && response.statement !== null && (
          <Textfield
            label={t('hearings.workbench.redactStatement')}
            multiline
            rows={5}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
          />
        )}
        {action === 'redact' &&
          response.remarks.map((r) => (
            <Textfield
              key={r.id}
              label={t('hearings.workbench.redactRemark', {
                number: sectionNumber(r.sectionId),
                title: r.sectionTitle,
              })}
              multiline
              rows={3}
              value={remarks[r.id] ?? ''}
              onChange={(e) => setRemarks({ ...remarks, [r.id]: e.target.value })}
            />
          ))}
      </ConfirmDialog>
    </div>
  );
}
