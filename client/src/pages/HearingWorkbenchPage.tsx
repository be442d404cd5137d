import { Alert, Heading, Paragraph, Spinner, ToggleGroup } from '@digdir/designsystemet-react';
import {
  ASSESSMENTS,
  isSekretariat,
  planParties,
  type HearingResponseView,
  type HearingView,
  type PlanView,
} from '@fellesplan/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { api, hearingSummaryHref } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { SelectField } from '../components/SelectField.js';
import { HearingDeadline } from '../hearings/HearingDeadline.js';
import { RemarkCard } from '../hearings/RemarkCard.js';
import {
  assessmentProgress,
  matchesFilter,
  NO_FILTER,
  remarkRows,
  type RemarkFilter,
} from '../hearings/remarkFilter.js';
import { ResponseModeration } from '../hearings/ResponseModeration.js';
import { useLiveHearingCounts } from '../hearings/useLiveHearingCounts.js';
import { useNow } from '../hearings/useNow.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';

type Grouping = 'respondent' | 'section';

/**
 * Where the members answer a hearing's responses: live as they arrive, by respondent or by
 * section, with progress per section, filters, and each remark's assessment.
 */
export function HearingWorkbenchPage() {
  const { planId = '', hearingId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const now = useNow();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [hearing, setHearing] = useState<HearingView | null>(null);
  const [responses, setResponses] = useState<HearingResponseView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<RemarkFilter>(NO_FILTER);
  const [grouping, setGrouping] = useState<Grouping>('respondent');
  const live = useLiveHearingCounts(planId);

  const load = useCallback(
    () =>
      Promise.all([api.plan(planId), api.hearing(hearingId), api.hearingResponses(hearingId)])
        .then(([p, h, r]) => {
          setPlan(p);
          setHearing(h);
          setResponses(r);
        })
        .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error'))),
    [planId, hearingId, t],
  );
  // Refetched whenever the plan's live projection reports new counts: responses appear without a reload.
  useEffect(() => void load(), [load, live]);
  useEffect(() => {
    if (hearing) document.title = `${t('hearings.workbench.title')} – ${hearing.title} – ${t('app.name')}`;
  }, [hearing, t]);

  const rows = useMemo(() => remarkRows(responses ?? []), [responses]);
  const progress = useMemo(() => assessmentProgress(rows), [rows]);
  const shown = useMemo(() => rows.filter((row) => matchesFilter(row, filter)), [rows, filter]);
  const sections = hearing?.sections ?? [];
  const numberOf = (sectionId: string) => sections.find((s) => s.id === sectionId)?.number ?? '';
  const partyName = (id: string | null) => (id ? (plan?.parties.find((p) => p.id === id)?.name ?? '') : '');

  const actor = user ? { userId: user.id, name: user.name, partyId: user.partyId } : null;
  const sekretariat = Boolean(plan && actor && isSekretariat(actor, planParties(plan)));
  const owns = (owners: readonly string[]) => Boolean(user && owners.includes(user.partyId));
  const archived = Boolean(plan?.archivedAt);

  const senderName = (response: HearingResponseView) =>
    [response.respondent.name, response.respondent.organisation].filter(Boolean).join(', ');

  const card = (row: (typeof shown)[number], showFrom: boolean) =>
    plan && (
      <RemarkCard
        key={row.remark.id}
        remark={row.remark}
        number={numberOf(row.remark.sectionId)}
        from={showFrom ? senderName(row.response) : null}
        plan={plan}
        mayAssess={!archived && (sekretariat || owns(row.remark.owners))}
        mayApply={!archived && owns(row.remark.owners)}
        onChanged={load}
      />
    );

  const filtersActive = filter.status !== 'all' || filter.sectionId !== '' || filter.assessment !== '';

  return (
    <>
      <AppHeader partyName={partyName(user?.partyId ?? null) || undefined} />
      <main id="main" className="workbench-page" data-testid="workbench.page">
        <Link to={`/plans/${planId}/horinger`}>{t('hearings.workbench.back')}</Link>
        <Heading level={1} data-size="md">
          {t('hearings.workbench.title')}
          {hearing && <span className="audit-page__plan"> – {hearing.title}</span>}
        </Heading>
        {error && <Alert data-color="danger">{error}</Alert>}
        {(!hearing || !responses) && !error && <Spinner aria-label={t('hearings.workbench.loading')} />}
        {hearing && responses && plan && (
          <>
            <HearingDeadline
              deadline={hearing.deadline}
              now={now}
              extensions={hearing.extensions}
              testId="workbench.deadline"
            />
            <Paragraph role="status" data-testid="workbench.progress">
              <strong>
                {t('hearings.progress', { assessed: progress.overall.assessed, count: progress.overall.count })}
              </strong>{' '}
              · {t('hearings.workbench.live')}
            </Paragraph>
            <nav aria-label={t('hearings.workbench.downloads')} className="no-print">
              <Link
                to={`/plans/${hearing.planId}/horinger/${hearing.id}/oppsummering`}
                data-testid="workbench.summary-page"
              >
                {t('hearingSummary.link')}
              </Link>{' '}
              · {t('hearings.workbench.downloads')}:{' '}
              <a href={hearingSummaryHref(hearing.id, 'summary.docx')} download data-testid="workbench.summary">
                {t('hearings.workbench.summary')}
              </a>{' '}
              ·{' '}
              <a href={hearingSummaryHref(hearing.id, 'remarks.csv')} download data-testid="workbench.csv">
                {t('hearings.workbench.csv')}
              </a>
            </nav>
            <div className="workbench-layout">
              <nav className="workbench-toc toc" aria-labelledby="workbench-toc-heading" data-testid="workbench.toc">
                <Heading level={2} data-size="2xs" id="workbench-toc-heading">
                  {t('hearings.workbench.sections')}
                </Heading>
                <ol className="hearing-toc__list">
                  <li>
                    <a
                      href="#workbench-list"
                      aria-current={filter.sectionId === '' ? 'true' : undefined}
                      onClick={() => setFilter({ ...filter, sectionId: '' })}
                    >
                      {t('hearings.workbench.allSections')} ({progress.overall.count})
                    </a>
                  </li>
                  {sections.map((section) => {
                    const counts = progress.bySection.get(section.id) ?? { assessed: 0, count: 0 };
                    return (
                      <li key={section.id}>
                        <a
                          href="#workbench-list"
                          aria-current={filter.sectionId === section.id ? 'true' : undefined}
                          onClick={() => setFilter({ ...filter, sectionId: section.id })}
                          data-testid="workbench.toc-item"
                          data-section-id={section.id}
                        >
                          <span className="toc__number">{section.number}</span> {section.title} ({counts.count})
                          {counts.count > 0 && (
                            <span className="toc__meta">
                              {t('hearings.workbench.sectionProgress', {
                                assessed: counts.assessed,
                                count: counts.count,
                              })}
                            </span>
                          )}
                        </a>
                      </li>
                    );
                  })}
                </ol>
              </nav>
              <div className="workbench-main">
                <div className="workbench-filters no-print" role="group" aria-label={t('hearings.workbench.filters')}>
                  <ToggleGroup
                    value={grouping}
                    onChange={(value) => setGrouping(value === 'section' ? 'section' : 'respondent')}
                    aria-label={t('hearings.workbench.view')}
                    data-size="sm"
                  >
                    <ToggleGroup.Item value="respondent" data-testid="workbench.by-respondent">
                      {t('hearings.workbench.byRespondent')}
                    </ToggleGroup.Item>
                    <ToggleGroup.Item value="section" data-testid="workbench.by-section">
                      {t('hearings.workbench.bySection')}
                    </ToggleGroup.Item>
                  </ToggleGroup>
                  <SelectField
                    id="workbench-status"
                    label={t('hearings.workbench.status')}
                    value={filter.status}
                    onChange={(value) =>
                      setFilter({ ...filter, status: value === 'assessed' || value === 'unassessed' ? value : 'all' })
                    }
                    options={[
                      { value: 'all', label: t('hearings.workbench.statusAll') },
                      { value: 'assessed', label: t('hearings.workbench.statusAssessed') },
                      { value: 'unassessed', label: t('hearings.workbench.statusUnassessed') },
                    ]}
                    testId="workbench.filter-status"
                  />
                  <SelectField
                    id="workbench-respondent"
                    label={t('hearings.workbench.respondent')}
                    value={filter.respondent}
                    onChange={(respondent) => setFilter({ ...filter, respondent })}
                    placeholder={t('hearings.workbench.allRespondents')}
                    options={responses.map((r) => ({ value: r.id, label: senderName(r) }))}
                    testId="workbench.filter-respondent"
                  />
                  <SelectField
                    id="workbench-section"
                    label={t('hearings.workbench.section')}
                    value={filter.sectionId}
                    onChange={(sectionId) => setFilter({ ...filter, sectionId })}
                    placeholder={t('hearings.workbench.allSections')}
                    options={sections.map((s) => ({ value: s.id, label: `${s.number} ${s.title}` }))}
                    testId="workbench.filter-section"
                  />
                  <SelectField
                    id="workbench-assessment"
                    label={t('hearings.workbench.assessmentFilter')}
                    value={filter.assessment}
                    onChange={(value) =>
                      setFilter({ ...filter, assessment: ASSESSMENTS.find((a) => a === value) ?? '' })
                    }
                    placeholder={t('hearings.workbench.allAssessments')}
                    options={ASSESSMENTS.map((a) => ({ value: a, label: t(`hearings.assessment.${a}`) }))}
                    testId="workbench.filter-assessment"
                  />
                </div>
                <Paragraph data-size="sm" id="workbench-list" data-testid="workbench.shown">
                  {t('hearings.workbench.shown', { shown: shown.length, total: rows.length })}
                </Paragraph>
                {responses.length === 0 && (
                  <Paragraph data-testid="workbench.none">{t('hearings.workbench.none')}</Paragraph>
                )}
                {responses.length > 0 && shown.length === 0 && filtersActive && (
                  <Paragraph>{t('hearings.workbench.noMatch')}</Paragraph>
                )}
                {grouping === 'respondent' &&
                  responses
                    .filter((response) => !filter.respondent || response.id === filter.respondent)
                    .filter((response) => !filtersActive || shown.some((row) => row.response.id === response.id))
                    .map((response) => (
                      <section
                        key={response.id}
                        className="workbench-response"
                        aria-labelledby={`response-${response.id}`}
                        data-testid="workbench.response"
                        data-reference={response.reference}
                      >
                        <Heading level={3} data-size="xs" id={`response-${response.id}`}>
                          {senderName(response)}
                          {response.partyId &&
                            ` (${t('hearings.workbench.onBehalf', { party: partyName(response.partyId) })})`}
                        </Heading>
                        <Paragraph data-size="sm">
                          {t('hearings.workbench.reference', { reference: response.reference })} ·{' '}
                          {t('hearings.workbench.received', { at: formatDateTime(response.at) })} ·{' '}
                          {response.respondent.email} · {t(`hearings.workbench.visibility.${response.visibility}`)}
                          {response.visibilityReason &&
                            ` (${t('hearings.workbench.visibilityReason', { reason: response.visibilityReason })})`}
                        </Paragraph>
                        {sekretariat && !archived && (
                          <ResponseModeration response={response} sectionNumber={numberOf} onChanged={load} />
                        )}
                        {response.statement && (
                          <>
                            <Heading level={4} data-size="2xs">
                              {t('hearings.workbench.statement')}
                            </Heading>
                            <p className="hearing-text">{response.statement}</p>
                          </>
                        )}
                        {response.remarks.length === 0 && (
                          <Paragraph data-size="sm">{t('hearings.workbench.noRemarks')}</Paragraph>
                        )}
                        {shown.filter((row) => row.response.id === response.id).map((row) => card(row, false))}
                      </section>
                    ))}
                {grouping === 'section' &&
                  sections
                    .filter((section) => shown.some((row) => row.remark.sectionId === section.id))
                    .map((section) => (
                      <section
                        key={section.id}
                        aria-labelledby={`by-section-${section.id}`}
                        className="workbench-response"
                      >
                        <Heading level={3} data-size="xs" id={`by-section-${section.id}`}>
                          {section.number} {section.title}
                        </Heading>
                        {shown.filter((row) => row.remark.sectionId === section.id).map((row) => card(row, true))}
                      </section>
                    ))}
              </div>
            </div>
          </>
        )}
      </main>
    </>
  );
}
