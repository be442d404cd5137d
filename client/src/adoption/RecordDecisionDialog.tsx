import { Field, Label, Textarea, Textfield } from '@digdir/designsystemet-react';
import {
  ADOPTION_OUTCOMES,
  HEARING_LIMITS,
  type AdoptionOutcome,
  type AdoptionRoundView,
  type Party,
} from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api } from '../api/client.js';
import { SelectField } from '../components/SelectField.js';
import { FormDialog } from '../forms/FormDialog.js';
import { useFormErrors } from '../forms/useFormErrors.js';
import { useSubmit } from '../forms/useSubmit.js';
import { currentLanguage } from '../i18n/index.js';
import { DECISION_FIELDS, decisionErrors, suggestedDecision, type DecisionValues } from './adoptionForm.js';

/** Records (or corrects) one party's decision on a round's version. */
export function RecordDecisionDialog({
  planId,
  round,
  party,
  onClose,
  onSaved,
}: {
  planId: string;
  round: AdoptionRoundView;
  /** The party whose decision is recorded; null when the dialog is closed. */
  party: Party | null;
  onClose: () => void;
  onSaved: (party: Party) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useFormErrors('adoption-decision', DECISION_FIELDS);
  const { busy, run } = useSubmit(form.fromServer);
  const [values, setValues] = useState<DecisionValues>({ body: '', date: '', caseNumber: '', outcome: '', note: '' });
  const { reset } = form;

  useEffect(() => {
    if (!party) return;
    const recorded = round.decisions.find((d) => d.partyId === party.id);
    setValues(
      recorded
        ? {
            body: recorded.body,
            date: recorded.date,
            caseNumber: recorded.caseNumber ?? '',
            outcome: recorded.outcome,
            note: recorded.note ?? '',
          }
        : suggestedDecision(party.kind, currentLanguage()),
    );
    reset();
  }, [party, round, reset]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!party || !form.check(decisionErrors(values)) || values.outcome === '') return;
    const outcome: AdoptionOutcome = values.outcome;
    await run(async () => {
      await api.command('adoptions.record', {
        planId,
        versionId: round.versionId,
        partyId: party.id,
        body: values.body.trim(),
        date: values.date,
        caseNumber: values.caseNumber.trim() || null,
        outcome,
        note: values.note.trim() || null,
      });
      onClose();
      await onSaved(party);
    });
  }

  return (
    <FormDialog
      open={party !== null}
      title={t('adoption.recordTitle', { party: party?.name ?? '' })}
      formError={form.formError}
      busy={busy}
      onSubmit={submit}
      onClose={onClose}
      testId="adoption.record-dialog"
      saveTestId="adoption.record.save"
    >
      <Textfield
        id={form.id('body')}
        label={t('adoption.bodyLabel')}
        description={t('adoption.bodyHint')}
        value={values.body}
        onChange={(e) => setValues({ ...values, body: e.target.value })}
        error={form.errors.body}
        maxLength={HEARING_LIMITS.body}
        required
        data-testid="adoption.record.body"
      />
      <Textfield
        id={form.id('date')}
        type="date"
        label={t('adoption.dateLabel')}
        value={values.date}
        onChange={(e) => setValues({ ...values, date: e.target.value })}
        error={form.errors.date}
        required
        data-testid="adoption.record.date"
      />
      <Textfield
        id={form.id('caseNumber')}
        label={t('adoption.caseNumberLabel')}
        value={values.caseNumber}
        onChange={(e) => setValues({ ...values, caseNumber: e.target.value })}
        error={form.errors.caseNumber}
        maxLength={HEARING_LIMITS.caseNumber}
        data-testid="adoption.record.case-number"
      />
      <SelectField
        id={form.id('outcome')}
        label={t('adoption.outcomeLabel')}
        value={values.outcome}
        onChange={(outcome) => setValues({ ...values, outcome: outcome as AdoptionOutcome | '' })}
        error={form.errors.outcome}
        placeholder={t('adoption.outcomeLabel')}
        options={ADOPTION_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`adoption.outcome.${outcome}`) }))}
        testId="adoption.record.outcome"
      />
      <Field>
        <Label>{t('adoption.decisionNoteLabel')}</Label>
        <Textarea
          id={form.id('note')}
          value={values.note}
          onChange={(e) => setValues({ ...values, note: e.target.value })}
          maxLength={HEARING_LIMITS.note}
          rows={3}
          data-testid="adoption.record.note"
        />
      </Field>
    </FormDialog>
  );
}
