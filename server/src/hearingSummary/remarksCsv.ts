import { ASSESSMENT_LABELS, NOT_ASSESSED_LABEL, VISIBILITY_LABELS } from '@fellesplan/domain';
import { osloDateTime } from './osloTime.js';
import type { HearingSummaryDocument } from './summaryDocument.js';

/** The spreadsheet's header row, in the order of its columns. */
export const REMARK_CSV_COLUMNS = [
  'Referanse',
  'Avsender',
  'Organisasjon',
  'Part',
  'Seksjon nr.',
  'Seksjon',
  'Sitat',
  'Innspill',
  'Forslag til ny tekst',
  'Vurdering',
  'Begrunnelse',
  'Vurdert av',
  'Vurdert',
  'Offentlighet',
] as const;

/**
 * One spreadsheet cell: a value a spreadsheet would run as a formula (starting with = + - @, or a
 * tab or carriage return before one) is prefixed with ' (CSV injection); quoted when it holds the
 * separator, a quote or a line break.
 */
export function csvCell(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Every remark, one row each, as Excel in Norwegian opens it: UTF-8 with a byte-order mark,
 * `;` between cells and CRLF between rows.
 */
export function remarksCsv(doc: HearingSummaryDocument): string {
  const rows = doc.sections.flatMap((section) =>
    section.remarks.map((r) => [
      r.reference,
      r.respondent,
      r.organisation,
      r.party,
      r.sectionNumber,
      r.sectionTitle,
      r.quote,
      r.text,
      r.proposedText,
      r.assessment ? ASSESSMENT_LABELS.nb[r.assessment] : NOT_ASSESSED_LABEL.nb,
      r.justification,
      r.assessedBy,
      r.assessedAt ? osloDateTime(r.assessedAt) : null,
      VISIBILITY_LABELS.nb[r.visibility],
    ]),
  );
  return `\uFEFF${[REMARK_CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
