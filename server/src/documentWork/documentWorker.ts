/**
 * The work on Word files that takes real CPU time, run in worker threads (see `DocumentWorkers`)
 * so the event loop keeps serving everyone else: reading an upload, packing a .docx, building
 * the HTML a PDF is printed from. Each export is a task Piscina calls by name.
 */
import type { HearingSummaryDocument } from '../hearingSummary/summaryDocument.js';
import { packSummaryDocx } from '../hearingSummary/summaryDocx.js';
import { packDocx } from '../wordExport/docxFromDocument.js';
import type { ExportDocument } from '../wordExport/exportDocument.js';
import { htmlFromDocument } from '../wordExport/htmlFromDocument.js';
import { docxToSections, type DocxImport } from '../wordImport/docxToSections.js';

export function importDocx(file: Uint8Array): Promise<DocxImport> {
  return docxToSections(file);
}

export async function exportDocx(doc: ExportDocument): Promise<Uint8Array> {
  return new Uint8Array(await packDocx(doc));
}

export function exportHtml(doc: ExportDocument): string {
  return htmlFromDocument(doc);
}

export async function exportSummaryDocx(doc: HearingSummaryDocument): Promise<Uint8Array> {
  return new Uint8Array(await packSummaryDocx(doc));
}
