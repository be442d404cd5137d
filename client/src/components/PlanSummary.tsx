import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { awaitsParty, type PlanView } from '@fellesplan/domain';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link } from 'react-router-dom';

/** "9 av 14 seksjoner har konsensus", and which sections wait for my party ("Venter på oss"). */
export function PlanSummary({
  plan,
  myPartyId,
  onShowWaiting,
}: {
  plan: PlanView;
  myPartyId: string;
  /** Shows only the sections waiting for us (the «Trenger vårt standpunkt» view). */
  onShowWaiting: () => void;
}) {
  const { t } = useTranslation();
  const done = plan.sections.filter((s) => s.status === 'consensus' || s.status === 'locked').length;
  const waiting = plan.sections.filter((section) => awaitsParty(myPartyId, section));
  const requiredAnywhere = plan.sections.some((s) => s.requiredParties.includes(myPartyId));
  return (
    <section className="plan-summary" aria-labelledby="summary-heading" data-testid="plan.summary">
      <div className="plan-summary__row">
        <Heading level={2} data-size="xs" id="summary-heading" data-testid="summary.consensus">
          {t('summary.consensus', { done, total: plan.sections.length })}
        </Heading>
        <Link to={`/plans/${plan.id}/logg`} data-testid="summary.log">
          {t('summary.log')}
        </Link>
      </div>
      <progress
        className="plan-summary__progress"
        max={plan.sections.length}
        value={done}
        aria-labelledby="summary-heading"
      />
      {requiredAnywhere && (
        <div className="plan-summary__waiting" data-testid="summary.waiting" data-count={waiting.length}>
          {waiting.length === 0 ? (
            <Paragraph data-size="sm">{t('summary.waitingNone')}</Paragraph>
          ) : (
            <Paragraph data-size="sm">
              {t('summary.waitingCount', { count: waiting.length })}{' '}
              <button type="button" className="link-button" onClick={onShowWaiting} data-testid="summary.show-waiting">
                {t('summary.showWaiting')}
              </button>
            </Paragraph>
          )}
        </div>
      )}
    </section>
  );
}
