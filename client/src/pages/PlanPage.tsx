import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { PlanProjection } from '@fellesplan/domain';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { CommentFilterBar } from '../comments/CommentFilterBar.js';
import { FilteredThreadList } from '../comments/FilteredThreadList.js';
import { PlanSearch } from '../search/PlanSearch.js';
import { DEFAULT_FILTER, filterThreads, openThreadCounts, type ThreadFilter } from '../comments/threadFilter.js';
import { usePlanProjection } from '../collab/usePlanProjection.js';
import { PARTY_COLORS } from '@fellesplan/domain';
import { AdoptionStatus } from '../adoption/AdoptionStatus.js';
import { AppHeader } from '../components/AppHeader.js';
import { ConnectionIndicator } from '../components/ConnectionIndicator.js';
import { PartyBadge } from '../components/PartyBadge.js';
import { PlanSummary } from '../components/PlanSummary.js';
import { SectionCard, type SectionPlan } from '../components/SectionCard.js';
import { forumLabel } from '../i18n/forumLabel.js';
import { scrollToElement, useCurrentSection, useHashTarget, useStickyHeaderOffset } from '../plan/navigation.js';
import { PlanToc } from '../plan/PlanToc.js';
import { inView, isSectionView, viewCounts, type SectionViewName } from '../plan/sectionViews.js';
import { useMediaQuery } from '../plan/useMediaQuery.js';
import { usePlanBodies } from '../plan/usePlanBodies.js';
import { takePrefetched } from '../plan/prefetch.js';
import { ViewSwitch } from '../plan/ViewSwitch.js';
import { usePlanPresence } from '../plan/usePlanPresence.js';
import { PlanPresence } from '../components/PresenceList.js';
import { mayAdminister } from '../session/mayAdminister.js';
import { useSession } from '../session/SessionContext.js';

const NO_THREADS: readonly never[] = [];

/** Matches the stylesheet's one-column breakpoint. */
const NARROW = '(max-width: 60rem)';

export function PlanPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [initial, setInitial] = useState<PlanProjection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<ThreadFilter>(DEFAULT_FILTER);
  const [search, setSearch] = useSearchParams();
  const requestedView = search.get('vis');
  const view: SectionViewName = isSectionView(requestedView) ? requestedView : 'all';
  const narrow = useMediaQuery(NARROW);
  useStickyHeaderOffset();
  useEffect(() => {
    Promise.all([
      takePrefetched(planId, 'plan') ?? api.plan(planId),
      takePrefetched(planId, 'threads') ?? api.threads(planId),
    ])
      .then(([planView, threads]) => setInitial({ ...planView, threads }))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : t('app.error')));
  }, [planId, t]);
  const plan = usePlanProjection(planId, initial);
  const { bodies, loaded, setLive } = usePlanBodies(planId, plan?.sections);
  const myParty = plan?.parties.find((p) => p.id === user?.partyId);
  const openCounts = useMemo(() => openThreadCounts(plan?.threads ?? []), [plan?.threads]);
  const visibleThreads = useMemo(
    () => (plan && user ? filterThreads(plan.threads, filter, { userId: user.id, partyId: user.partyId }) : []),
    [plan, user, filter],
  );
  const numbered = useMemo(
    () => (plan?.sections ?? []).map((section, index) => ({ section, number: index + 1 })),
    [plan?.sections],
  );
  const partyId = user?.partyId ?? '';
  const shown = useMemo(
    () => numbered.filter(({ section }) => inView(view, section, partyId)),
    [numbered, view, partyId],
  );
  const counts = useMemo(() => viewCounts(plan?.sections ?? [], partyId), [plan?.sections, partyId]);
  const currentId = useCurrentSection(shown.map(({ section }) => section.id));
  const visitors = usePlanPresence(planId, currentId);
  const here = (sectionId: string) =>
    visitors.filter((v) => v.viewing && !v.viewing.away && v.viewing.sectionId === sectionId);
  // Cards are memoised: what they get of the plan and the user keeps its identity across renders.
  const shownPlanId = plan?.id ?? '';
  const parties = plan?.parties;
  const members = plan?.members;
  const sectionPlan = useMemo<SectionPlan>(
    () => ({ id: shownPlanId, parties: parties ?? [], members: members ?? [] }),
    [shownPlanId, parties, members],
  );
  const threadsBySection = useMemo(() => {
    const grouped = new Map<string, typeof visibleThreads>();
    for (const thread of visibleThreads)
      grouped.set(thread.sectionId, [...(grouped.get(thread.sectionId) ?? []), thread]);
    return grouped;
  }, [visibleThreads]);
  const actor = useMemo(
    () => ({ userId: user?.id ?? '', name: user?.name ?? '', partyId: user?.partyId ?? '' }),
    [user?.id, user?.name, user?.partyId],
  );
  const editorUser = useMemo(
    () => ({
      name: user?.name ?? '',
      party: myParty?.name ?? '',
      color: myParty ? PARTY_COLORS[myParty.kind] : '#444',
    }),
    [user?.name, myParty],
  );

  function chooseView(next: SectionViewName) {
    setSearch(
      (params) => {
        if (next === 'all') params.delete('vis');
        else params.set('vis', next);
        return params;
      },
      { replace: true },
    );
  }

  // A fragment (#section-…, #thread-…) is followed once the text it lands in has arrived, so the
  // sections above it have their real height; and again whenever it changes.
  const { target, visit } = useHashTarget();
  const hasPlan = plan !== null;
  const threadCount = plan?.threads.length ?? 0;
  const [focusThread, setFocusThread] = useState<{ id: string; seq: string } | null>(null);
  const handled = useRef('');
  useEffect(() => {
    if (!plan || !target || !loaded || handled.current === visit) return;
    const sectionId =
      target.kind === 'section' ? target.id : plan.threads.find((thread) => thread.id === target.id)?.sectionId;
    const section = plan.sections.find((s) => s.id === sectionId);
    if (!section) return;
    if (!inView(view, section, partyId)) {
      chooseView('all');
      return;
    }
    if (target.kind === 'thread') {
      const thread = plan.threads.find((th) => th.id === target.id);
      if (thread && !filterThreads([thread], filter, { userId: user?.id ?? '', partyId }).length) {
        setFilter({ ...DEFAULT_FILTER, status: 'all' });
        return;
      }
    }
    const element = document.getElementById(`section-${section.id}`);
    if (!element) return;
    handled.current = visit;
    scrollToElement(element, target.kind === 'section' ? element.querySelector<HTMLElement>('h2') : null);
    if (target.kind === 'thread') setFocusThread({ id: target.id, seq: visit });
    // The plan changes with every keystroke anywhere; only a new target, its data, the view or
    // the filter count. A thread announced a moment ago may reach the projection after its link
    // is followed, so the thread count does too.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visit, target, loaded, hasPlan, threadCount, view, filter]);

  useEffect(() => {
    if (plan) document.title = `${plan.title} – ${t('app.name')}`;
  }, [plan, t]);

  if (!user) return null;

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
          <PlanToc
            sections={shown}
            total={plan.sections.length}
            currentId={currentId}
            myPartyId={user.partyId}
            openCounts={openCounts}
            narrow={narrow}
          />
          <main id="main" className="plan-page" data-testid="plan.page" data-plan-id={plan.id}>
            <Heading level={1} data-size="lg">
              {plan.title}
            </Heading>
            {(plan.forum || plan.period) && (
              <Paragraph data-size="sm" data-testid="plan.meta">
                {[forumLabel(t, plan.forum), plan.period].filter(Boolean).join(' · ')}
              </Paragraph>
            )}
            {plan.adoption && <AdoptionStatus planId={plan.id} adoption={plan.adoption} />}
            {plan.archivedAt && (
              <Alert data-color="warning" data-testid="plan.archived">
                {t('plan.archivedNotice')}
              </Alert>
            )}
            <div className="plan-page__tools no-print">
              {mayAdminister(user) && (
                <Link to={`/plans/${plan.id}/structure`} data-testid="plan.structure">
                  {t('plan.structureLink')}
                </Link>
              )}
              <Link to={`/plans/${plan.id}/versjoner`} data-testid="plan.versions">
                {t('versions.link')}
              </Link>
              <Link to={`/plans/${plan.id}/horinger`} data-testid="plan.hearings">
                {t('hearings.link')}
              </Link>
              <Link to={`/plans/${plan.id}/vedtak`} data-testid="plan.adoption">
                {t('adoption.link')}
              </Link>
              <Link to={`/plans/${plan.id}/compare`} data-testid="plan.compare">
                {t('compare.link')}
              </Link>
              <button type="button" className="link-button" onClick={() => window.print()} data-testid="plan.print">
                {t('plan.print')}
              </button>
              <ExportLinks planId={plan.id} testIdPrefix="plan" />
            </div>
            <div className="plan-parties" aria-label={t('plan.parties')}>
              {plan.parties.map((party) => (
                <PartyBadge key={party.id} party={party} />
              ))}
            </div>
            <PlanPresence
              visitors={visitors}
              sections={numbered.map(({ section, number }) => ({ id: section.id, title: section.title, number }))}
            />
            <PlanSummary plan={plan} myPartyId={user.partyId} onShowWaiting={() => chooseView('needsUs')} />
            <PlanSearch planId={plan.id} />
            <div className="plan-page__filters no-print">
              <ViewSwitch view={view} counts={counts} onChange={chooseView} />
              <CommentFilterBar filter={filter} onChange={setFilter} parties={plan.parties} />
            </div>
            {(filter.mine || filter.mentioningMe || filter.partyId !== '') && (
              <FilteredThreadList threads={visibleThreads} sections={plan.sections} />
            )}
            {shown.length === 0 && (
              <Paragraph data-testid="plan.view-empty" className="plan-page__empty">
                {t(`views.empty.${view}`)}
              </Paragraph>
            )}
            {shown.map(({ section, number }) => (
              <SectionCard
                key={section.id}
                plan={sectionPlan}
                section={section}
                number={number}
                actor={actor}
                user={editorUser}
                threads={threadsBySection.get(section.id) ?? NO_THREADS}
                openThreads={openCounts.get(section.id) ?? 0}
                archived={Boolean(plan.archivedAt)}
                storedBody={bodies.get(section.id)}
                onLive={setLive}
                focusThread={focusThread}
                visitors={here(section.id)}
              />
            ))}
          </main>
        </div>
      )}
    </>
  );
}
