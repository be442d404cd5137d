import { AUDIT_EVENT_KIND, type AuditEventKind, type AuditEventView } from '@fellesplan/domain';

/** What the reader narrowed the log to; an empty value means «all». */
export interface LogFilter {
  sectionId: string;
  partyId: string;
  kind: AuditEventKind | '';
  /** Calendar days in the reader's time zone, `YYYY-MM-DD`, both included. */
  from: string;
  to: string;
}

export const NO_FILTER: LogFilter = { sectionId: '', partyId: '', kind: '', from: '', to: '' };

/** The calendar day an event happened on where the reader is, `YYYY-MM-DD`. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The events the filter keeps, newest first. A party is the one that acted. */
export function filterEvents(events: readonly AuditEventView[], filter: LogFilter): AuditEventView[] {
  return events
    .filter((e) => !filter.sectionId || e.sectionId === filter.sectionId)
    .filter((e) => !filter.partyId || e.actor.partyId === filter.partyId)
    .filter((e) => !filter.kind || AUDIT_EVENT_KIND[e.type] === filter.kind)
    .filter((e) => (!filter.from || localDay(e.at) >= filter.from) && (!filter.to || localDay(e.at) <= filter.to))
    .slice()
    .reverse();
}
