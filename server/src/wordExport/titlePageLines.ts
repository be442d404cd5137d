import { norwegianDate } from './consensusLine.js';
import type { ExportDocument } from './exportDocument.js';

/** What the title page says under the title, in order: forum, period, version, date, parties. */
export function titlePageLines(doc: ExportDocument): string[] {
  const lines = [
    doc.forum,
    doc.period ? `Periode: ${doc.period}` : null,
    doc.versionName ? `Versjon: ${doc.versionName}` : null,
    norwegianDate(doc.at),
    doc.parties.length > 0 ? `Parter: ${doc.parties.join(', ')}` : null,
  ];
  return lines.filter((line): line is string => Boolean(line));
}
