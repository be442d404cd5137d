import { Alert, Paragraph } from '@digdir/designsystemet-react';
import type { PlanAdoptionStatus } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link } from 'react-router-dom';

/**
 * The plan header's line on adoption: «Vedtatt av 3 av 4 parter» or «Vedtatt», linking to the
 * decisions, and a warning when the text moved on after the version was sent (AD5).
 */
export function AdoptionStatus({ planId, adoption }: { planId: string; adoption: PlanAdoptionStatus }) {
  const { t } = useTranslation();
  const label =
    adoption.status === 'adopted'
      ? t('adoption.adopted')
      : t('adoption.progress', { adopted: adoption.adopted, parties: adoption.parties });
  return (
    <div className="adoption-status" data-testid="adoption.status" data-status={adoption.status}>
      <Paragraph data-size="sm">
        <Link to={`/plans/${planId}/vedtak`} data-testid="adoption.status-link">
          {label}
        </Link>{' '}
        <span className="adoption-status__version">({t('adoption.statusOf', { name: adoption.versionName })})</span>
      </Paragraph>
      {adoption.textChanged && (
        <Alert data-color="warning" data-size="sm" data-testid="adoption.text-changed">
          {t('adoption.textChanged')}
        </Alert>
      )}
    </div>
  );
}
