import type { Logger } from 'pino';
import { FairQueue } from '../auth/fairQueue.js';
import type { HearingSummaryDocument } from '../hearingSummary/summaryDocument.js';
import type { ExportDocument } from '../wordExport/exportDocument.js';
import { PdfPrinter } from '../wordExport/pdfPrinter.js';
import { DocumentWorkers } from './documentWorkers.js';

export interface WordDocumentsOptions {
  logger: Logger;
  chromiumPath?: string;
  /** Exports running at once; the rest wait their turn, in turn per person. */
  concurrency?: number;
}

/**
 * Word in and out for the routes: imports and DOCX packing in worker threads, PDFs printed by
 * Chromium child processes, at most a few exports at once (each Chromium takes a core).
 */
export class WordDocuments {
  private readonly workers = new DocumentWorkers();
  private readonly printer: PdfPrinter;
  private readonly exports: FairQueue;

  constructor(options: WordDocumentsOptions) {
    this.printer = new PdfPrinter({ logger: options.logger, chromiumPath: options.chromiumPath });
    this.exports = new FairQueue({ concurrency: options.concurrency ?? 2, maxWaitingPerKey: 4, maxWaiting: 32 });
  }

  importDocx(file: Uint8Array) {
    return this.workers.importDocx(file);
  }

  /** `key` is who asked (their user id): one person's many exports wait behind each other. */
  exportDocx(doc: ExportDocument, key: string): Promise<Uint8Array> {
    return this.exports.run(key, () => this.workers.exportDocx(doc));
  }

  /** The høringsoppsummering, packed like a plan export and waiting in the same queue. */
  exportSummaryDocx(doc: HearingSummaryDocument, key: string): Promise<Uint8Array> {
    return this.exports.run(key, () => this.workers.exportSummaryDocx(doc));
  }

  exportPdf(doc: ExportDocument, key: string): Promise<Buffer> {
    return this.exports.run(key, async () => this.printer.print(await this.workers.exportHtml(doc)));
  }

  close(): Promise<void> {
    return this.workers.close();
  }
}
