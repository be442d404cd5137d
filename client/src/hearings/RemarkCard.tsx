import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { PlanView, RemarkView } from '@fellesplan/domain';
import { useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { AssessmentForm } from './AssessmentForm.js';

/**
 * One remark on the workbench: what was quoted and said, the proposed wording against the text
 * it would replace, the assessment (editable by the sekretariat and the section's owners) and,
 * for owners, putting the proposal into the live text in one step.
 */
export function RemarkCard({
  remark,
  number,
  from,
  plan,
  mayAssess,
  mayApply,
  onChanged,
}: {
  remark: RemarkView;
  number: string;
  /** Who sent it, when the list is not grouped by respondent. */
  from: string | null;
  plan: PlanView;
  mayAssess: boolean;
  mayApply: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [applyError, setApplyError] = useState<{ code: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const partyName = (id: string) => plan.parties.find((p) => p.id === id)?.name ?? id;
  const headingId = `remark-${remark.id}`;

  async function apply() {
    setBusy(true);
    setApplyError(null);
    try {
      await api.command('remarks.applyProposal', { remarkId: remark.id });
      await onChanged();
    } catch (err) {
      setApplyError(
        err instanceof ApiError
          ? { code: err.code, message: err.message }
          : { code: 'internal', message: t('app.error') },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      className="workbench-remark"
      aria-labelledby={headingId}
      data-testid="workbench.remark"
      data-remark-id={remark.id}
      data-assessed={remark.assessment !== null}
    >
      <Heading level={4} data-size="2xs" id={headingId}>
        {t('hearings.workbench.remarkOn', { number, title: remark.sectionTitle })}
        {from && ` · ${from}`}
      </Heading>
      {remark.quote && (
        <blockquote className="hearing-quote" aria-label={t('hearings.workbench.quote')}>
          {remark.quote}
        </blockquote>
      )}
      <p className="hearing-text" data-testid="workbench.remark-text">
        {remark.text}
      </p>
      {remark.proposedText && (
        <div>
          <Paragraph data-size="sm">
            <strong>{t('hearings.workbench.proposed')}</strong>
          </Paragraph>
          {remark.quote ? (
            <div className="hearing-proposal" data-testid="workbench.proposal">
              <del>
                <span className="visually-hidden">{t('hearings.workbench.before')}: </span>
                {remark.quote}
              </del>
              <ins>
                <span className="visually-hidden">{t('hearings.workbench.after')}: </span>
                {remark.proposedText}
              </ins>
            </div>
          ) : (
            <p className="hearing-text" data-testid="workbench.proposal">
              {remark.proposedText}
            </p>
          )}
        </div>
      )}
      <Paragraph data-size="sm">
        {t('hearings.workbench.owners', { parties: remark.owners.map(partyName).join(', ') })}
      </Paragraph>
      {remark.assessment && (
        <Paragraph data-size="sm" data-testid="workbench.assessment">
          <Tag data-color="success">{t(`hearings.assessment.${remark.assessment}`)}</Tag>{' '}
          {remark.assessedBy &&
            remark.assessedAt &&
            t('hearings.workbench.assessedBy', { name: remark.assessedBy.name, at: formatDateTime(remark.assessedAt) })}
        </Paragraph>
      )}
      {remark.appliedAt && (
        <Paragraph data-size="sm" data-testid="workbench.applied">
          {t('hearings.workbench.applied', { at: formatDateTime(remark.appliedAt) })}
        </Paragraph>
      )}
      {mayApply && remark.proposedText && !remark.appliedAt && (
        <Button
          variant="secondary"
          data-size="sm"
          disabled={busy}
          onClick={() => void apply()}
          data-testid="workbench.apply"
        >
          {t('hearings.workbench.apply')}
        </Button>
      )}
      {applyError && (
        <Alert data-color="warning" role="alert" data-testid="workbench.apply-error">
          {applyError.message}{' '}
          {applyError.code === 'quote_not_found' && (
            <Link to={`/plans/${plan.id}#section-${remark.sectionId}`}>{t('hearings.workbench.toSection')}</Link>
          )}
        </Alert>
      )}
      {mayAssess && <AssessmentForm key={remark.assessedAt ?? 'new'} remark={remark} onSaved={onChanged} />}
    </article>
  );
}
