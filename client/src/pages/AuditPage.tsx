import { Alert, Field, Heading, Label, Paragraph, Select, Spinner, Table } from '@digdir/designsystemet-react';
import type { AuditEventView, AuditVerificationView, PlanView } from '@fellesplan/domain';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { AppHeader } from '../components/AppHeader.js';
import { AuditVerificationNotice } from '../components/AuditVerificationNotice.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';

/** The decision log in plain Norwegian, filterable by section and party, with its chain check. */
export function AuditPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [events, setEvents] = useState<AuditEventView[] | null>(null);
  const [verification, setVerification] = useState<AuditVerificationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sectionFilter, setSectionFilter] = useState('');
  const [partyFilter, setPartyFilter] = useState('');

  useEffect(() => {
    Promise.all([api.plan(planId), api.audit(planId), api.verifyAudit(planId)])
      .then(([p, e, v]) => {
        setPlan(p);
        setEvents(e);
        setVerification(v);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error')));
  }, [planId, t]);

  const shown = useMemo(
    () =>
      (events ?? [])
        .filter((e) => !sectionFilter || e.sectionId === sectionFilter)
        .filter((e) => !partyFilter || e.actor.partyId === partyFilter)
        .slice()
        .reverse(),
    [events, sectionFilter, partyFilter],
  );
  const myParty = plan?.parties.find((p) => p.id === user?.partyId);

  function describe(event: AuditEventView): { text: string; detail: string | null } {
    const values = { party: event.actor.partyName, name: event.actor.name, section: event.sectionTitle ?? '' };
    const payload = event.payload as {
      stance?: string;
      note?: string | null;
      reason?: string;
      previousBody?: string;
      body?: string;
    };
    switch (event.type) {
      case 'section.marked':
        return {
          text: t('audit.marked', { ...values, stance: t(`consensus.stance.${payload.stance ?? 'agree'}`) }),
          detail: payload.note ? t('audit.note', { note: payload.note }) : null,
        };
      case 'section.locked':
        return { text: t('audit.locked', values), detail: null };
      case 'section.unlocked':
        return {
          text: t('audit.unlocked', values),
          detail: payload.reason ? t('audit.reason', { reason: payload.reason }) : null,
        };
      case 'thread.created':
      case 'thread.replied':
        return {
          text: t(event.type === 'thread.created' ? 'audit.commentCreated' : 'audit.commentReplied', values),
          detail: payload.body !== undefined ? t('audit.commentText', { text: payload.body }) : null,
        };
      case 'comment.edited':
        return {
          text: t('audit.commentEdited', values),
          // Events from before the texts were logged have neither.
          detail:
            payload.previousBody !== undefined
              ? `${t('audit.commentBefore', { text: payload.previousBody })} ${t('audit.commentAfter', { text: payload.body ?? '' })}`
              : null,
        };
      case 'comment.deleted':
        return {
          text: t('audit.commentDeleted', values),
          detail: payload.previousBody !== undefined ? t('audit.commentBefore', { text: payload.previousBody }) : null,
        };
      default:
        return { text: `${event.actor.partyName} (${event.actor.name}): ${event.type}`, detail: null };
    }
  }

  return (
    <>
      <AppHeader partyName={myParty?.name} />
      <main id="main" className="audit-page" data-testid="audit.page">
        <Link to={`/plans/${planId}`}>{t('audit.back')}</Link>
        <Heading level={1} data-size="md">
          {t('audit.title')}
          {plan && <span className="audit-page__plan"> – {plan.title}</span>}
        </Heading>
        <Paragraph data-size="sm">{t('audit.intro')}</Paragraph>
        {error && <Alert data-color="danger">{error}</Alert>}
        {!verification && !error && <Paragraph>{t('audit.verifying')}</Paragraph>}
        {verification && <AuditVerificationNotice verification={verification} plan={plan} />}
        {plan && (
          <div className="audit-page__filters">
            <Field>
              <Label>{t('audit.filterSection')}</Label>
              <Select
                value={sectionFilter}
                onChange={(e) => setSectionFilter(e.target.value)}
                data-testid="audit.filter-section"
              >
                <Select.Option value="">{t('audit.all')}</Select.Option>
                {plan.sections.map((s, i) => (
                  <Select.Option key={s.id} value={s.id}>
                    {i + 1} {s.title}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('audit.filterParty')}</Label>
              <Select
                value={partyFilter}
                onChange={(e) => setPartyFilter(e.target.value)}
                data-testid="audit.filter-party"
              >
                <Select.Option value="">{t('audit.all')}</Select.Option>
                {plan.parties.map((p) => (
                  <Select.Option key={p.id} value={p.id}>
                    {p.name}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          </div>
        )}
        {!events && !error && <Spinner aria-label={t('app.loading')} />}
        {events && shown.length === 0 && <Paragraph>{t('audit.empty')}</Paragraph>}
        {shown.length > 0 && (
          <Table className="audit-page__table" data-testid="audit.table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('audit.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('audit.what')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((event) => {
                const { text, detail } = describe(event);
                return (
                  <Table.Row key={event.id} data-testid="audit.event" data-type={event.type}>
                    <Table.Cell className="audit-page__when">{formatDateTime(event.at)}</Table.Cell>
                    <Table.Cell>
                      {text}
                      {detail && <div className="audit-page__detail">{detail}</div>}
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
