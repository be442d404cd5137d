import { availableParallelism } from 'node:os';
import { DomainError, IMPORT_LIMITS } from '@fellesplan/domain';
import { Piscina } from 'piscina';
import type * as Work from './documentWorker.js';

/** How long packing or rendering one export may take before it is given up. */
export const EXPORT_TIMEOUT_MS = 30_000;

type Task = keyof typeof Work;

/**
 * A small pool of worker threads for the CPU-heavy steps of import and export, with a bounded
 * queue; a task that runs too long has its worker terminated (a hostile file cannot hang one).
 */
export class DocumentWorkers {
  private readonly pool: Piscina;
  private readonly importTimeoutMs: number;
  private readonly exportTimeoutMs: number;

  constructor(options: { threads?: number; importTimeoutMs?: number; exportTimeoutMs?: number } = {}) {
    const threads = options.threads ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    this.importTimeoutMs = options.importTimeoutMs ?? IMPORT_LIMITS.timeoutMs;
    this.exportTimeoutMs = options.exportTimeoutMs ?? EXPORT_TIMEOUT_MS;
    this.pool = new Piscina({
      // A plain-JavaScript entry that loads the TypeScript tasks through tsx, as the server runs.
      filename: new URL('./documentWorker.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: threads,
      maxQueue: 64,
      idleTimeout: 30_000,
    });
  }

  importDocx(file: Uint8Array): ReturnType<typeof Work.importDocx> {
    return this.run('importDocx', file, this.importTimeoutMs, 'import_timeout');
  }

  exportDocx(doc: Parameters<typeof Work.exportDocx>[0]): Promise<Uint8Array> {
    return this.run('exportDocx', doc, this.exportTimeoutMs, 'export_failed');
  }

  exportSummaryDocx(doc: Parameters<typeof Work.exportSummaryDocx>[0]): Promise<Uint8Array> {
    return this.run('exportSummaryDocx', doc, this.exportTimeoutMs, 'export_failed');
  }

  exportHtml(doc: Parameters<typeof Work.exportHtml>[0]): Promise<string> {
    return this.run('exportHtml', doc, this.exportTimeoutMs, 'export_failed');
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  private async run<T>(name: Task, input: unknown, timeoutMs: number, onTimeout: 'import_timeout' | 'export_failed') {
    try {
      return (await this.pool.run(input, { name, signal: AbortSignal.timeout(timeoutMs) })) as T;
    } catch (error) {
      if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
        throw new DomainError(onTimeout);
      }
      if (error instanceof Error && /queue is at limit|all Workers are busy/i.test(error.message))
        throw new DomainError('busy');
      throw error;
    }
  }
}
