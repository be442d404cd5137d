import { Alert, Button, Heading, Paragraph, Spinner, Table, Textfield } from '@digdir/designsystemet-react';
import { isSekretariat, planParties, type PlanView, type VersionSummaryView } from '@fellesplan/domain';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { api, ApiError } from '../api/client.js';
import { ExportLinks } from '../components/ExportLinks.js';
import { AppHeader } from '../components/AppHeader.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';
import { comparePath, versionLabel } from '../versions/versionLabel.js';

/** The plan's versions: every lock's, and those the sekretariat named; the sekretariat names new ones here. */
export function VersionsPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [versions, setVersions] = useState<VersionSummaryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(
    () =>
      Promise.all([api.plan(planId), api.versions(planId)])
        .then(([p, v]) => {
          setPlan(p);
          setVersions(v);
        })
        .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error'))),
    [planId, t],
  );
  useEffect(() => void load(), [load]);

  const actor = user ? { userId: user.id, name: user.name, partyId: user.partyId } : null;
  const mayName = Boolean(plan && actor && !plan.archivedAt && isSekretariat(actor, planParties(plan)));
  const partyName = (id: string) => plan?.parties.find((p) => p.id === id)?.name ?? '';

  async function create(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    try {
      await api.command('versions.create', { planId, name });
      setSaved(name.trim());
      setName('');
      await load();
    } catch (err) {
      setSaveError(err instanceof ApiError ? err.message : t('app.error'));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <AppHeader partyName={plan?.parties.find((p) => p.id === user?.partyId)?.name} />
      <main id="main" className="versions-page" data-testid="versions.page">
        <p className="no-print">
          <Link to={`/plans/${planId}`}>{t('versions.back')}</Link> ·{' '}
          <Link to={`/plans/${planId}/horinger`} data-testid="versions.hearings">
            {t('hearings.link')}
          </Link>
        </p>
        <Heading level={1} data-size="md">
          {t('versions.title')}
          {plan && <span className="audit-page__plan"> – {plan.title}</span>}
        </Heading>
        <Paragraph data-size="sm">{t('versions.intro')}</Paragraph>
        <Link to={`/plans/${planId}/vedtak`} data-testid="versions.adoption">
          {t('adoption.linkFromVersions')}
        </Link>
        {error && <Alert data-color="danger">{error}</Alert>}
        {mayName && (
          <form className="versions-page__create" onSubmit={(e) => void create(e)} data-testid="versions.create">
            <Heading level={2} data-size="xs">
              {t('versions.createHeading')}
            </Heading>
            <Textfield
              label={t('versions.nameLabel')}
              description={t('versions.nameHint')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={300}
              error={saveError ?? undefined}
              data-testid="versions.name"
            />
            <Button type="submit" disabled={saving || name.trim() === ''} data-testid="versions.save">
              {t('versions.create')}
            </Button>
            <div role="status">
              {saved && (
                <Alert data-color="success" data-testid="versions.saved">
                  {t('versions.created', { name: saved })}
                </Alert>
              )}
            </div>
          </form>
        )}
        {!versions && !error && <Spinner aria-label={t('versions.loading')} />}
        {versions && versions.length === 0 && <Paragraph data-testid="versions.none">{t('versions.none')}</Paragraph>}
        {versions && versions.length > 0 && (
          <Table data-testid="versions.list">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('versions.columnName')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.columnKind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.columnAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.columnBy')}</Table.HeaderCell>
                <Table.HeaderCell>{t('versions.columnActions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {versions.map((version) => {
                const label = versionLabel(version, t);
                return (
                  <Table.Row key={version.id} data-testid="versions.row" data-version-id={version.id}>
                    <Table.Cell>
                      <Link
                        to={`/plans/${planId}/versjoner/${version.id}`}
                        aria-label={t('versions.openLabel', { name: label })}
                      >
                        {label}
                      </Link>
                    </Table.Cell>
                    <Table.Cell>{t(`versions.kind.${version.kind}`)}</Table.Cell>
                    <Table.Cell>{formatDateTime(version.at)}</Table.Cell>
                    <Table.Cell>
                      {[partyName(version.by.partyId), version.by.name].filter(Boolean).join(', ')}
                    </Table.Cell>
                    <Table.Cell>
                      <Link
                        to={comparePath(planId, version.id)}
                        aria-label={t('versions.compareNowLabel', { name: label })}
                        data-testid="versions.compare-now"
                      >
                        {t('versions.compareNow')}
                      </Link>{' '}
                      <ExportLinks planId={planId} version={{ id: version.id, label }} testIdPrefix="versions" />
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        )}
      </main>
    </>
  );
}
