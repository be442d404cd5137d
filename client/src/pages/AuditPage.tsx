import {
  Alert,
  Button,
  Field,
  Heading,
  Input,
  Label,
  Paragraph,
  Select,
  Spinner,
  Table,
} from '@digdir/designsystemet-react';
import {
  AUDIT_EVENT_KINDS,
  type AuditEventKind,
  type AuditEventView,
  type AuditVerificationView,
  type PlanView,
} from '@fellesplan/domain';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client.js';
import { filterEvents, NO_FILTER, type LogFilter } from '../audit/filterEvents.js';
import { logSentence, type LogNames } from '../audit/logSentence.js';
import { AppHeader } from '../components/AppHeader.js';
import { AuditVerificationNotice } from '../components/AuditVerificationNotice.js';
import { formatDateTime } from '../i18n/formatDateTime.js';
import { useSession } from '../session/SessionContext.js';

/** The decision log in plain Norwegian, filterable and printable for meeting papers, with its check. */
export function AuditPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { user } = useSession();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [events, setEvents] = useState<AuditEventView[] | null>(null);
  const [verification, setVerification] = useState<AuditVerificationView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<LogFilter>(NO_FILTER);

  useEffect(() => {
    Promise.all([api.plan(planId), api.audit(planId), api.verifyAudit(planId)])
      .then(([p, e, v]) => {
        setPlan(p);
        setEvents(e);
        setVerification(v);
      })
      .catch((err: unknown) => setError(err instanceof Error ? err.message : t('app.error')));
  }, [planId, t]);

  const shown = useMemo(() => filterEvents(events ?? [], filter), [events, filter]);
  const names: LogNames = useMemo(() => ({ sections: plan?.sections ?? [], parties: plan?.parties ?? [] }), [plan]);
  const translate = (key: string, values?: Record<string, unknown>) => t(key, values ?? {});
  const myParty = plan?.parties.find((p) => p.id === user?.partyId);
  const set = (change: Partial<LogFilter>) => setFilter((current) => ({ ...current, ...change }));

  /** The filter in words, for the printed page: the reader of the paper sees what was left out. */
  function filterSummary(): string | null {
    const parts: string[] = [];
    const index = plan?.sections.findIndex((s) => s.id === filter.sectionId) ?? -1;
    const section = plan?.sections[index];
    if (section) parts.push(`${t('audit.filterSection')}: ${index + 1} ${section.title}`);
    const party = plan?.parties.find((p) => p.id === filter.partyId);
    if (party) parts.push(`${t('audit.filterParty')}: ${party.name}`);
    if (filter.kind) parts.push(`${t('audit.filterKind')}: ${t(`audit.kind.${filter.kind}`)}`);
    if (filter.from) parts.push(`${t('audit.filterFrom')}: ${filter.from}`);
    if (filter.to) parts.push(`${t('audit.filterTo')}: ${filter.to}`);
    return parts.length > 0 ? parts.join(' · ') : null;
  }
  const summary = filterSummary();

  return (
    <>
      <AppHeader partyName={myParty?.name} />
      <main id="main" className="audit-page" data-testid="audit.page">
        <Link to={`/plans/${planId}`} className="audit-page__back">
          {t('audit.back')}
        </Link>
        <Heading level={1} data-size="md">
          {t('audit.title')}
          {plan && <span className="audit-page__plan"> – {plan.title}</span>}
        </Heading>
        <Paragraph data-size="sm" className="audit-page__intro">
          {t('audit.intro')}
        </Paragraph>
        <Paragraph data-size="sm" className="audit-page__printed" data-testid="audit.printed">
          {t('audit.printed', { date: formatDateTime(new Date().toISOString()) })}
          {summary && (
            <>
              <br />
              {t('audit.printedFilter', { filter: summary })}
            </>
          )}
        </Paragraph>
        {error && <Alert data-color="danger">{error}</Alert>}
        {!verification && !error && <Paragraph>{t('audit.verifying')}</Paragraph>}
        {verification && <AuditVerificationNotice verification={verification} plan={plan} events={events ?? []} />}
        {plan && (
          <div
            role="search"
            className="audit-page__filters"
            aria-label={t('audit.filters')}
            data-testid="audit.filters"
          >
            <Field>
              <Label>{t('audit.filterSection')}</Label>
              <Select
                value={filter.sectionId}
                onChange={(e) => set({ sectionId: e.target.value })}
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
                value={filter.partyId}
                onChange={(e) => set({ partyId: e.target.value })}
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
            <Field>
              <Label>{t('audit.filterKind')}</Label>
              <Select
                value={filter.kind}
                onChange={(e) => set({ kind: e.target.value as AuditEventKind | '' })}
                data-testid="audit.filter-kind"
              >
                <Select.Option value="">{t('audit.all')}</Select.Option>
                {AUDIT_EVENT_KINDS.map((kind) => (
                  <Select.Option key={kind} value={kind}>
                    {t(`audit.kind.${kind}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('audit.filterFrom')}</Label>
              <Input
                type="date"
                value={filter.from}
                max={filter.to || undefined}
                onChange={(e) => set({ from: e.target.value })}
                data-testid="audit.filter-from"
              />
            </Field>
            <Field>
              <Label>{t('audit.filterTo')}</Label>
              <Input
                type="date"
                value={filter.to}
                min={filter.from || undefined}
                onChange={(e) => set({ to: e.target.value })}
                data-testid="audit.filter-to"
              />
            </Field>
          </div>
        )}
        {events && (
          <div className="audit-page__actions">
            <Paragraph data-size="sm" role="status" data-testid="audit.count">
              {t('audit.shownCount', { count: shown.length, total: events.length })}
            </Paragraph>
            <Button variant="secondary" onClick={() => window.print()} data-testid="audit.print">
              {t('audit.print')}
            </Button>
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
              {shown.map((event) => (
                <Table.Row key={event.id} data-testid="audit.event" data-type={event.type} data-seq={event.seq}>
                  <Table.Cell className="audit-page__when">{formatDateTime(event.at)}</Table.Cell>
                  <Table.Cell>{logSentence(event, names, translate)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </main>
    </>
  );
}
