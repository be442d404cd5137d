import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { PlanProjection } from '@fellesplan/domain';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { CommentFilterBar } from '../comments/CommentFilterBar.js';
import { FilteredThreadList } from '../comments/FilteredThreadList.js';
import { PlanSearch } from '../search/PlanSearch.js';
import { useHashTarget } from '../search/useHashTarget.js';
import { DEFAULT_FILTER, filterThreads, openThreadCounts, type ThreadFilter } from '../comments/threadFilter.js';
import { usePlanProjection } from '../collab/usePlanProjection.js';
import { PARTY_COLORS } from '@fellesplan/domain';
import { AppHeader } from '../components/AppHeader.js';
import { ConnectionIndicator } from '../components/ConnectionIndicator.js';
import { PartyBadge } from '../components/PartyBadge.js';
import { PlanSummary } from '../components/PlanSummary.js';
import { SectionCard } from '../components/SectionCard.js';
import { forumLabel } from '../i18n/forumLabel.js';
import { mayAdminister } from '../session/mayAdminister.js';
import { useSession } from '../session/SessionContext.js';

export function PlanPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [initial, setInitial] = useState<PlanProjection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<ThreadFilter>(DEFAULT_FILTER);
  useEffect(() => {
    Promise.all([api.plan(planId), api.threads(planId)])
      .then(([view, threads]) => setInitial({ ...view, threads }))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('app.error')));
  }, [planId, t]);
  const plan = usePlanProjection(planId, initial);
  useHashTarget(plan);
  const myParty = plan?.parties.find((p) => p.id === user?.partyId);
  const openCounts = useMemo(() => openThreadCounts(plan?.threads ?? []), [plan?.threads]);
  const visibleThreads = useMemo(
    () => (plan && user ? filterThreads(plan.threads, filter, { userId: user.id, partyId: user.partyId }) : []),
    [plan, user, filter],
  );

  useEffect(() => {
    if (plan) document.title = `${plan.title} – ${t('app.name')}`;
  }, [plan, t]);

  if (!user) return null;
  const actor = { userId: user.id, name: user.name, partyId: user.partyId };
  const editorUser = {
    name: user.name,
    party: myParty?.name ?? '',
    color: myParty ? PARTY_COLORS[myParty.kind] : '#444',
  };

  return (
    <>
      <AppHeader partyName={myParty?.name}>
        <ConnectionIndicator />
      </AppHeader>
      {error && (
        <main id="main" className="plan-page">
          <Paragraph role="alert">{error}</Paragraph>
          <Link to="/plans">{t('app.backToPlans')}</Link>
        </main>
      )}
      {!plan && !error && (
        <main id="main" className="plan-page">
          <Spinner aria-label={t('app.loading')} />
        </main>
      )}
      {plan && (
        <div className="plan-layout">
          <nav className="toc" aria-labelledby="toc-heading" data-testid="plan.toc">
            <Heading level={2} data-size="2xs" id="toc-heading">
              {t('plan.toc')}
            </Heading>
            <ol className="toc__list">
              {plan.sections.map((section, index) => (
                <li key={section.id}>
                  <a href={`#section-${section.id}`} data-testid="toc.item" data-status={section.status}>
                    <span className="toc__number">{index + 1}</span>
                    <span>{section.title}</span>
                    {(openCounts.get(section.id) ?? 0) > 0 && (
                      <span className="toc__comments" data-testid="toc.open-threads">
                        <span aria-hidden="true">{openCounts.get(section.id)}</span>
                        <span className="visually-hidden">
                          {t('comments.openCount', { count: openCounts.get(section.id) })}
                        </span>
                      </span>
                    )}
                    <span
                      className={`toc__status toc__status--${section.status}`}
                      title={t(`plan.status.${section.status}`)}
                    >
                      <span className="visually-hidden">{t(`plan.status.${section.status}`)}</span>
                    </span>
                  </a>
                </li>
              ))}
            </ol>
          </nav>
          <main id="main" className="plan-page" data-testid="plan.page" data-plan-id={plan.id}>
            <Heading level={1} data-size="lg">
              {plan.title}
            </Heading>
            {(plan.forum || plan.period) && (
              <Paragraph data-size="sm" data-testid="plan.meta">
                {[forumLabel(t, plan.forum), plan.period].filter(Boolean).join(' · ')}
              </Paragraph>
            )}
            {plan.archivedAt && (
              <Alert data-color="warning" data-testid="plan.archived">
                {t('plan.archivedNotice')}
              </Alert>
            )}
            {mayAdminister(user) && (
              <Paragraph data-size="sm">
                <Link to={`/plans/${plan.id}/structure`} data-testid="plan.structure">
                  {t('plan.structureLink')}
                </Link>
              </Paragraph>
            )}
            <div className="plan-parties" aria-label={t('plan.parties')}>
              {plan.parties.map((party) => (
                <PartyBadge key={party.id} party={party} />
              ))}
            </div>
            <PlanSummary plan={plan} myPartyId={user.partyId} />
            <PlanSearch planId={plan.id} />
            <CommentFilterBar filter={filter} onChange={setFilter} parties={plan.parties} />
            {(filter.mine || filter.mentioningMe || filter.partyId !== '') && (
              <FilteredThreadList threads={visibleThreads} sections={plan.sections} />
            )}
            {plan.sections.map((section, index) => (
              <SectionCard
                key={section.id}
                plan={plan}
                section={section}
                number={index + 1}
                actor={actor}
                user={editorUser}
                threads={visibleThreads.filter((th) => th.sectionId === section.id)}
                openThreads={openCounts.get(section.id) ?? 0}
                archived={Boolean(plan.archivedAt)}
              />
            ))}
          </main>
        </div>
      )}
    </>
  );
}
