import { Card, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { SECTION_STATUSES, type PlanSummaryView, type SectionStatus } from '@fellesplan/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link } from 'react-router-dom';
import { api } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { StatusIcon } from '../components/StatusIcon.js';
import { forumLabel } from '../i18n/forumLabel.js';

export function PlansPage() {
  const { t } = useTranslation();
  const [plans, setPlans] = useState<PlanSummaryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .plans()
      .then(setPlans)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('app.error')));
  }, [t]);

  return (
    <>
      <AppHeader />
      <main id="main" className="plans-page">
        <Heading level={1} data-size="md">
          {t('plans.title')}
        </Heading>
        {error && <Paragraph role="alert">{error}</Paragraph>}
        {!plans && !error && <Spinner aria-label={t('app.loading')} />}
        {plans?.length === 0 && <Paragraph>{t('plans.empty')}</Paragraph>}
        <ul className="plans-list">
          {plans?.map((plan) => (
            <li key={plan.id}>
              <Card asChild data-color="accent">
                <Link to={`/plans/${plan.id}`} data-testid="plans.item">
                  <Heading level={2} data-size="sm">
                    {plan.title}
                  </Heading>
                  <Paragraph data-size="sm">
                    {[forumLabel(t, plan.forum), plan.period, t('plans.sections', { count: plan.sectionCount })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Paragraph>
                  {plan.statusCounts && <PlanProgress plan={plan} counts={plan.statusCounts} />}
                  {plan.adoption && (
                    <Tag
                      data-size="sm"
                      data-color={plan.adoption.status === 'adopted' ? 'success' : 'info'}
                      data-testid="plans.adoption"
                    >
                      {plan.adoption.status === 'adopted'
                        ? t('adoption.adopted')
                        : t('adoption.progress', { adopted: plan.adoption.adopted, parties: plan.adoption.parties })}
                    </Tag>
                  )}
                  {plan.archivedAt && (
                    <Tag data-size="sm" data-color="neutral" data-testid="plans.archived">
                      {t('plan.archived')}
                    </Tag>
                  )}
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}

/** Where a plan stands: agreed sections of all, a bar, the count per status, what waits for us. */
function PlanProgress({ plan, counts }: { plan: PlanSummaryView; counts: Record<SectionStatus, number> }) {
  const { t } = useTranslation();
  const done = counts.consensus + counts.locked;
  const id = `progress-${plan.id}`;
  return (
    <div className="plans-list__progress" data-testid="plans.progress" data-done={done}>
      <Paragraph data-size="sm" id={id}>
        {t('summary.consensus', { done, total: plan.sectionCount })}
      </Paragraph>
      <progress
        className="plan-summary__progress"
        max={Math.max(1, plan.sectionCount)}
        value={done}
        aria-labelledby={id}
      />
      <ul className="plans-list__statuses">
        {SECTION_STATUSES.filter((status) => counts[status] > 0).map((status) => (
          <li key={status} data-status={status}>
            <StatusIcon status={status} /> {t(`plan.status.${status}`)}: {counts[status]}
          </li>
        ))}
      </ul>
      {(plan.waitingOnUs ?? 0) > 0 && (
        <Paragraph data-size="sm" data-testid="plans.waiting">
          {t('summary.waitingCount', { count: plan.waitingOnUs })}
        </Paragraph>
      )}
    </div>
  );
}
