import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { awaitsParty, type PlanView } from '@fellesplan/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** "9 av 14 seksjoner har konsensus", and which sections wait for my party ("Venter på oss"). */
export function PlanSummary({ plan, myPartyId }: { plan: PlanView; myPartyId: string }) {
  const { t } = useTranslation();
  const done = plan.sections.filter((s) => s.status === 'consensus' || s.status === 'locked').length;
  const waiting = plan.sections
    .map((section, index) => ({ section, number: index + 1 }))
    .filter(({ section }) => awaitsParty(myPartyId, { ...section, markers: section.markers }));
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
        <div data-testid="summary.waiting" data-count={waiting.length}>
          <Heading level={3} data-size="2xs">
            {t('summary.waitingForUs')} ({waiting.length})
          </Heading>
          {waiting.length === 0 ? (
            <Paragraph data-size="sm">{t('summary.waitingNone')}</Paragraph>
          ) : (
            <ul className="plan-summary__waiting">
              {waiting.map(({ section, number }) => (
                <li key={section.id}>
                  <a href={`#section-${section.id}`}>
                    {number} {section.title}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
