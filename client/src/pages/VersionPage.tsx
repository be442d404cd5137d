import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import {
  canEditSection,
  planParties,
  type PlanView,
  type VersionSectionView,
  type VersionView,
} from '@fellesplan/domain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { StatusTag } from '../components/StatusTag.js';
import { StaticBody } from '../editor/StaticBody.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';
import { comparePath, versionLabel } from '../versions/versionLabel.js';

/** One version, read-only; an owner may bring a section's text from it back into the plan. */
export function VersionPage() {
  const { planId = '', versionId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [version, setVersion] = useState<VersionView | null>(null);
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<VersionSectionView | null>(null);
  const [restored, setRestored] = useState<string | null>(null);

  const load = useCallback(
    () =>
      Promise.all([api.version(versionId), api.plan(planId)])
        .then(([v, p]) => {
          setVersion(v);
          setPlan(p);
        })
        .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error'))),
    [planId, versionId, t],
  );
  useEffect(() => void load(), [load]);

  const actor = user ? { userId: user.id, name: user.name, partyId: user.partyId } : null;
  const label = version ? versionLabel(version.version, t) : '';
  const by = version
    ? [version.parties.find((p) => p.id === version.version.by.partyId)?.name, version.version.by.name]
        .filter(Boolean)
        .join(', ')
    : '';

  /** Whether the person may restore this section now: it still exists, they own it, it is open, and differs. */
  function mayRestore(section: VersionSectionView): boolean {
    const now = plan?.sections.find((s) => s.id === section.id);
    if (!plan || !now || !actor || plan.archivedAt || section.contentError) return false;
    return canEditSection(actor, { ...now, planId: plan.id }, planParties(plan)) && now.revision !== section.revision;
  }

  return (
    <>
      <AppHeader partyName={plan?.parties.find((p) => p.id === user?.partyId)?.name} />
      <main id="main" className="version-page" data-testid="version.page">
        <Link to={`/plans/${planId}/versjoner`}>{t('versions.title')}</Link>
        {error && <Alert data-color="danger">{error}</Alert>}
        {!version && !error && <Spinner aria-label={t('versions.loading')} />}
        {version && (
          <>
            <Heading level={1} data-size="md" data-testid="version.title">
              {label}
            </Heading>
            <Paragraph data-size="sm">
              {t('versions.versionOf', { title: version.title })} ·{' '}
              {t('versions.savedAt', { at: formatDateTime(version.version.at), by })}
            </Paragraph>
            <Alert data-color="info">{t('versions.readOnly')}</Alert>
            <p className="no-print">
              <Link to={comparePath(planId, version.version.id)}>{t('versions.compareNow')}</Link>
            </p>
            <div role="status">
              {restored && (
                <Alert data-color="success" data-testid="version.restored">
                  {t('versions.restored', { title: restored })}
                </Alert>
              )}
            </div>
            {version.sections.map((section, index) => {
              const headingId = `version-section-${section.id}`;
              return (
                <section
                  key={section.id}
                  className="section-card"
                  aria-labelledby={headingId}
                  data-testid="version.section"
                  data-section-id={section.id}
                >
                  <header className="section-card__header">
                    <Heading level={2} data-size="sm" id={headingId} className="section-card__title">
                      <span className="section-card__number">{index + 1}</span> {section.title}
                    </Heading>
                    <div className="section-card__tags">
                      <StatusTag status={section.status} />
                    </div>
                  </header>
                  {section.contentError ? (
                    <Alert data-color="warning">{t('versions.unreadable')}</Alert>
                  ) : (
                    <StaticBody json={section.json} label={section.title} />
                  )}
                  {!plan?.sections.some((s) => s.id === section.id) && (
                    <Paragraph data-size="sm">{t('versions.sectionGone')}</Paragraph>
                  )}
                  {mayRestore(section) && (
                    <Button
                      variant="secondary"
                      data-size="sm"
                      onClick={() => setRestoring(section)}
                      aria-label={t('versions.restoreLabel', { title: section.title })}
                      data-testid="version.restore"
                    >
                      {t('versions.restore')}
                    </Button>
                  )}
                </section>
              );
            })}
            <ConfirmDialog
              open={restoring !== null}
              title={t('versions.restoreTitle')}
              body={t('versions.restoreBody', { title: restoring?.title ?? '', name: label })}
              confirmLabel={t('versions.restoreConfirm')}
              onConfirm={async () => {
                if (!restoring) return;
                await api.command('sections.restore', { sectionId: restoring.id, versionId: version.version.id });
                setRestored(restoring.title);
                await load();
              }}
              onClose={() => setRestoring(null)}
              testId="version.restore-dialog"
            />
          </>
        )}
      </main>
    </>
  );
}
