import { Alert, Button, Heading, Paragraph, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { isSekretariat, planParties, type HearingSummaryView, type PlanView } from '@fellesplan/domain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { formatOsloDeadline, timeLeft } from '../hearings/osloTime.js';
import { ManageHearing } from '../hearings/ManageHearing.js';
import { PublishedNotice, PublishHearingForm } from '../hearings/PublishHearingForm.js';
import { useLiveHearingCounts } from '../hearings/useLiveHearingCounts.js';
import { useNow } from '../hearings/useNow.js';
import { useSession } from '../session/SessionContext.js';

/** A plan's hearings: each with status, deadline and counts; the sekretariat publishes and manages them here. */
export function HearingsPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const now = useNow();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [hearings, setHearings] = useState<HearingSummaryView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [publishedUrl, setPublishedUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const live = useLiveHearingCounts(planId);

  const load = useCallback(
    () =>
      Promise.all([api.plan(planId), api.planHearings(planId)])
        .then(([p, h]) => {
          setPlan(p);
          setHearings(h);
        })
        .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error'))),
    [planId, t],
  );
  useEffect(() => void load(), [load, live]);
  useEffect(() => {
    if (plan) document.title = `${t('hearings.list.title')} – ${plan.title} – ${t('app.name')}`;
  }, [plan, t]);

  const actor = user ? { userId: user.id, name: user.name, partyId: user.partyId } : null;
  const manages = Boolean(plan && actor && !plan.archivedAt && isSekretariat(actor, planParties(plan)));
  // The newest hearing stays manageable after its deadline (an extension reopens it) unless closed early.
  const current = hearings?.find((h) => h.open || h.closedAt === null) ?? null;
  const anyOpen = hearings?.some((h) => h.open) ?? false;

  async function copy(hearing: HearingSummaryView) {
    try {
      await navigator.clipboard.writeText(hearing.url);
      setCopied(hearing.id);
    } catch {
      // Clipboard refused (no permission): the link is on the page to copy by hand.
      setCopied(null);
    }
  }

  return (
    <>
      <AppHeader partyName={plan?.parties.find((p) => p.id === user?.partyId)?.name} />
      <main id="main" className="hearings-page" data-testid="hearings.page">
        <Link to={`/plans/${planId}`}>{t('hearings.list.back')}</Link>
        <Heading level={1} data-size="md">
          {t('hearings.list.title')}
          {plan && <span className="audit-page__plan"> – {plan.title}</span>}
        </Heading>
        {error && <Alert data-color="danger">{error}</Alert>}
        {!hearings && !error && <Spinner aria-label={t('hearings.list.loading')} />}
        {hearings?.length === 0 && <Paragraph data-testid="hearings.none">{t('hearings.list.none')}</Paragraph>}
        {hearings && hearings.length > 0 && (
          <Table data-testid="hearings.list">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('hearings.list.columnTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.list.columnStatus')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.list.columnDeadline')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.list.columnResponses')}</Table.HeaderCell>
                <Table.HeaderCell>{t('hearings.list.columnProgress')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {hearings.map((hearing) => {
                const left = timeLeft(hearing.deadline, now);
                return (
                  <Table.Row key={hearing.id} data-testid="hearings.row" data-hearing-id={hearing.id}>
                    <Table.Cell>
                      <Link
                        to={`/plans/${planId}/horinger/${hearing.id}`}
                        aria-label={t('hearings.list.workbenchLabel', { title: hearing.title })}
                        data-testid="hearings.workbench"
                      >
                        {hearing.title}
                      </Link>
                      <div>
                        <a href={hearing.url} data-testid="hearings.public-link">
                          {t('hearings.list.publicLink')}
                        </a>{' '}
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          onClick={() => void copy(hearing)}
                          aria-label={t('hearings.list.copyLabel', { title: hearing.title })}
                        >
                          {t('hearings.list.copy')}
                        </Button>
                        <span role="status">{copied === hearing.id ? t('hearings.list.copied') : ''}</span>
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      <Tag data-color={hearing.open ? 'success' : 'neutral'} data-testid="hearings.status">
                        {hearing.open ? t('hearings.list.open') : t('hearings.list.closed')}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell>
                      {formatOsloDeadline(hearing.deadline)}
                      {hearing.open && left.unit !== 'passed' && (
                        <div>{t(`hearings.timeLeft.${left.unit}`, { count: left.count })}</div>
                      )}
                    </Table.Cell>
                    <Table.Cell data-testid="hearings.responses">{hearing.responses}</Table.Cell>
                    <Table.Cell data-testid="hearings.progress">
                      {t('hearings.progress', { assessed: hearing.assessed, count: hearing.remarks })}
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        )}
        {publishedUrl && <PublishedNotice url={publishedUrl} />}
        {manages && current && <ManageHearing key={current.id} hearing={current} onChanged={load} />}
        {manages && plan && hearings && !anyOpen && (
          <PublishHearingForm
            planId={planId}
            planTitle={plan.title}
            onPublished={async (url) => {
              setPublishedUrl(url);
              await load();
            }}
          />
        )}
      </main>
    </>
  );
}
