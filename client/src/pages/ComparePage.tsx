import { Alert, Field, Heading, Label, Paragraph, Select, Spinner } from '@digdir/designsystemet-react';
import { COMPARE_NOW, type PlanCompareView, type PlanView, type VersionSummaryView } from '@fellesplan/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import { DiffLegend } from '../compare/DiffBody.js';
import { SectionComparison } from '../compare/SectionComparison.js';
import { compareSummary } from '../compare/compareSummary.js';
import { readCompareSelection, selectionProblem, type CompareSelection } from '../compare/compareSelection.js';
import { AppHeader } from '../components/AppHeader.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';
import { versionLabel } from '../versions/versionLabel.js';

/**
 * Two states of a plan side by side, section by section: versions, or a version and now. The
 * choice lives in the address (`?from=&to=`), so the link shows the same comparison to anyone.
 */
export function ComparePage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [searchParams, setSearchParams] = useSearchParams();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [versions, setVersions] = useState<VersionSummaryView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [result, setResult] = useState<{ key: string; view?: PlanCompareView; error?: string } | null>(null);

  useEffect(() => {
    Promise.all([api.plan(planId), api.versions(planId)]).then(
      ([p, v]) => {
        setPlan(p);
        setVersions(v);
      },
      (err: unknown) => setLoadError(err instanceof Error ? err.message : t('app.error')),
    );
  }, [planId, t]);

  // The list is newest first: a link without a choice compares the newest version with now.
  const selection = readCompareSelection(searchParams, versions?.[0]?.id ?? null);
  const problem = versions
    ? selectionProblem(
        selection,
        versions.map((v) => v.id),
      )
    : null;
  const key = `${selection.from ?? ''}|${selection.to}`;

  // Write the defaults into the address, so what is on screen can be shared as it is.
  const incomplete = !searchParams.get('from') || !searchParams.get('to');
  useEffect(() => {
    if (incomplete && selection.from !== null) {
      setSearchParams({ from: selection.from, to: selection.to }, { replace: true });
    }
  }, [incomplete, selection.from, selection.to, setSearchParams]);

  useEffect(() => {
    if (!versions || problem || selection.from === null) return;
    let live = true;
    api.compare(planId, selection.from, selection.to).then(
      (view) => live && setResult({ key, view }),
      (err: unknown) => {
        // 404 and 400 both mean the link names no version of this plan that can be compared.
        const unknown = err instanceof ApiError && (err.status === 404 || err.status === 400);
        if (live) setResult({ key, error: unknown ? t('compare.unknownVersion') : errorMessage(err, t) });
      },
    );
    return () => {
      live = false;
    };
  }, [planId, versions, problem, selection.from, selection.to, key, t]);

  function choose(change: Partial<CompareSelection>) {
    const next = { ...selection, ...change };
    setSearchParams({ from: next.from ?? '', to: next.to });
  }

  const current = result?.key === key ? result : null;
  const view = problem ? undefined : current?.view;
  const error = problem === 'unknown' ? t('compare.unknownVersion') : problem ? undefined : current?.error;
  const partyName = (id: string) => plan?.parties.find((p) => p.id === id)?.name ?? id;
  const changed = view?.sections.filter((s) => s.kind !== 'unchanged') ?? [];
  const unchanged = view?.sections.filter((s) => s.kind === 'unchanged') ?? [];

  return (
    <>
      <AppHeader partyName={plan?.parties.find((p) => p.id === user?.partyId)?.name} />
      <main id="main" className="compare-page" data-testid="compare.page">
        <p className="compare-page__back no-print">
          <Link to={`/plans/${planId}`}>{t('versions.back')}</Link>
          <Link to={`/plans/${planId}/versjoner`}>{t('versions.title')}</Link>
        </p>
        <Heading level={1} data-size="md">
          {t('compare.title')}
          {plan && <span className="audit-page__plan"> – {plan.title}</span>}
        </Heading>
        <Paragraph data-size="sm">{t('compare.intro')}</Paragraph>
        {loadError && <Alert data-color="danger">{loadError}</Alert>}
        {!versions && !loadError && <Spinner aria-label={t('versions.loading')} />}
        {versions && problem === 'noVersions' && (
          <Alert data-color="info" data-testid="compare.no-versions">
            {t('compare.noVersions')}
          </Alert>
        )}
        {versions && problem !== 'noVersions' && (
          <div className="compare-page__choice no-print" data-testid="compare.choice">
            <VersionSelect
              label={t('compare.from')}
              value={selection.from ?? ''}
              versions={versions}
              onChange={(from) => choose({ from })}
              testId="compare.from"
            />
            <VersionSelect
              label={t('compare.to')}
              value={selection.to}
              versions={versions}
              onChange={(to) => choose({ to })}
              testId="compare.to"
            />
          </div>
        )}
        {problem === 'same' && (
          <Alert data-color="warning" data-testid="compare.same">
            {t('compare.sameVersion')}
          </Alert>
        )}
        {error && (
          <Alert data-color="danger" data-testid="compare.error">
            {error}
          </Alert>
        )}
        {versions && !problem && !current && <Spinner aria-label={t('compare.loading')} />}
        <div role="status">
          {view && (
            <Paragraph data-testid="compare.summary" className="compare-page__summary">
              {compareSummary(t, view.sections)}
            </Paragraph>
          )}
        </div>
        {view && (
          <>
            {changed.some((s) => s.diff.changed) && <DiffLegend />}
            {changed.map((section) => (
              <SectionComparison key={section.sectionId} section={section} partyName={partyName} />
            ))}
            {unchanged.length > 0 && (
              <details className="compare-page__unchanged" data-testid="compare.unchanged">
                <summary>{t('compare.unchanged', { count: unchanged.length })}</summary>
                <ul>
                  {unchanged.map((s) => (
                    <li key={s.sectionId}>{s.titleAfter}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </main>
    </>
  );
}

function VersionSelect({
  label,
  value,
  versions,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  versions: readonly VersionSummaryView[];
  onChange: (id: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const known = value === COMPARE_NOW || versions.some((v) => v.id === value);
  return (
    <Field>
      <Label>{label}</Label>
      <Select value={known ? value : ''} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {/* A link may name a version this plan does not have: the list says nothing is chosen. */}
        {!known && (
          <Select.Option value="" disabled>
            {t('compare.choose')}
          </Select.Option>
        )}
        <Select.Option value={COMPARE_NOW}>{t('compare.now')}</Select.Option>
        {versions.map((v) => (
          <Select.Option key={v.id} value={v.id}>
            {versionLabel(v, t)} ({formatDateTime(v.at)})
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function errorMessage(err: unknown, t: (key: string) => string): string {
  return err instanceof Error ? err.message : t('app.error');
}
