import { Alert, Button, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { ASSESSMENTS, HEARING_LIMITS, type Assessment, type RemarkView } from '@fellesplan/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api, ApiError } from '../api/client.js';
import { FormError } from '../forms/FormError.js';

/** The sekretariat or an owner records how a remark was answered: one of the four assessments, and why. */
export function AssessmentForm({ remark, onSaved }: { remark: RemarkView; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const [assessment, setAssessment] = useState<Assessment | null>(remark.assessment);
  const [justification, setJustification] = useState(remark.justification ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!assessment) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await api.command('remarks.assess', { remarkId: remark.id, assessment, justification });
      await onSaved();
      setSaved(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate className="workbench-assess" data-testid="workbench.assess">
      <Fieldset data-size="sm">
        <Fieldset.Legend>{t('hearings.workbench.assessmentLegend')}</Fieldset.Legend>
        {ASSESSMENTS.map((value) => (
          <Radio
            key={value}
            name={`assessment-${remark.id}`}
            value={value}
            label={t(`hearings.assessment.${value}`)}
            checked={assessment === value}
            onChange={() => setAssessment(value)}
          />
        ))}
      </Fieldset>
      <Textfield
        label={t('hearings.workbench.justification')}
        multiline
        rows={3}
        data-size="sm"
        value={justification}
        maxLength={HEARING_LIMITS.justification}
        onChange={(e) => setJustification(e.target.value)}
        data-testid="workbench.justification"
      />
      <FormError message={error} testId="workbench.assess-error" />
      <Button
        type="submit"
        data-size="sm"
        disabled={busy || !assessment || justification.trim() === ''}
        data-testid="workbench.save-assessment"
      >
        {t('hearings.workbench.saveAssessment')}
      </Button>
      <div role="status">
        {saved && (
          <Alert data-color="success" data-size="sm" data-testid="workbench.assessed">
            {t('hearings.workbench.assessmentSaved')}
          </Alert>
        )}
      </div>
    </form>
  );
}
