import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import {
  isSekretariat,
  planParties,
  type AdoptionsView,
  type Party,
  type PlanView,
  type VersionSummaryView,
} from '@fellesplan/domain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { AdoptionStatus } from '../adoption/AdoptionStatus.js';
import { DecisionsTable } from '../adoption/DecisionsTable.js';
import { RecordDecisionDialog } from '../adoption/RecordDecisionDialog.js';
import { SendForAdoption } from '../adoption/SendForAdoption.js';
import { api } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { formatList } from '../i18n/formatList.js';
import { useSession } from '../session/SessionContext.js';

/**
 * Forankring: the sekretariat sends a version to the parties, each party records its own body's
 * decision, and everyone sees how far the plan has come («Vedtatt av 3 av 4 parter»).
 */
export function AdoptionPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [versions, setVersions] = useState<VersionSummaryView[]>([]);
  const [view, setView] = useState<AdoptionsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState<{ roundId: string; party: Party } | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);

  const load = useCallback(
    () =>
      Promise.all([api.plan(planId), api.versions(planId), api.adoptions(planId)])
        .then(([p, v, a]) => {
          setPlan(p);
          setVersions(v);
          setView(a);
        })
        .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error'))),
    [planId, t],
  );
  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (plan) document.title = `${t('adoption.title')} – ${plan.title} – ${t('app.name')}`;
  }, [plan, t]);

  const actor = user ? { userId: user.id, name: user.name, partyId: user.partyId } : null;
  const sekretariat = Boolean(plan && actor && isSekretariat(actor, planParties(plan)));
  const mayRecord = (partyId: string) => !plan?.archivedAt && (sekretariat || user?.partyId === partyId);
  const sectionName = (id: string) => {
    const index = plan?.sections.findIndex((s) => s.id === id) ?? -1;
    const section = plan?.sections[index];
    return section ? `${index + 1} ${section.title}` : t('adoption.removedSection');
  };
  const [newest, ...earlier] = view?.rounds ?? [];
  const round = view?.rounds.find((r) => r.id === recording?.roundId);

  return (
    <>
      <AppHeader partyName={plan?.parties.find((p) => p.id === user?.partyId)?.name} />
      <main id="main" className="adoption-page" data-testid="adoption.page">
        <Link to={`/plans/${planId}`}>{t('adoption.back')}</Link>
        <Heading level={1} data-size="md">
          {t('adoption.title')}
          {plan && <span className="audit-page__plan"> – {plan.title}</span>}
        </Heading>
        <Paragraph data-size="sm">{t('adoption.intro')}</Paragraph>
        {error && <Alert data-color="danger">{error}</Alert>}
        {!view && !error && <Spinner aria-label={t('adoption.loading')} />}
        {plan?.adoption && <AdoptionStatus planId={planId} adoption={plan.adoption} />}
        {sekretariat && !plan?.archivedAt && view && (
          <SendForAdoption planId={planId} versions={versions} onSent={load} />
        )}
        <div role="status">
          {recorded && (
            <Alert data-color="success" data-testid="adoption.recorded">
              {t('adoption.recorded', { party: recorded })}
            </Alert>
          )}
        </div>
        {view && !newest && <Paragraph data-testid="adoption.none">{t('adoption.none')}</Paragraph>}
        {plan &&
          newest &&
          [newest, ...earlier].map((r, index) => (
            <section key={r.id} className="adoption-page__round" aria-labelledby={`round-${r.id}`}>
              <Heading level={2} data-size="xs" id={`round-${r.id}`}>
                {t(index === 0 ? 'adoption.roundHeading' : 'adoption.earlierHeading', { name: r.versionName })}
              </Heading>
              <Paragraph data-size="sm">
                {t('adoption.sentAt', { at: formatDateTime(r.sentAt) })} {r.note}
              </Paragraph>
              {index === 0 && r.textChanged && (
                <Paragraph data-size="sm" data-testid="adoption.changed-sections">
                  {t('adoption.changedSections', {
                    count: r.changedSections.length,
                    sections: formatList(r.changedSections.map(sectionName)),
                  })}
                </Paragraph>
              )}
              <DecisionsTable
                round={r}
                parties={plan.parties}
                mayRecord={mayRecord}
                onRecord={(party) => {
                  setRecorded(null);
                  setRecording({ roundId: r.id, party });
                }}
              />
            </section>
          ))}
        {round && (
          <RecordDecisionDialog
            planId={planId}
            round={round}
            party={recording?.party ?? null}
            onClose={() => setRecording(null)}
            onSaved={async (party) => {
              setRecorded(party.name);
              await load();
            }}
          />
        )}
      </main>
    </>
  );
}
