import { DomainError, ERRORS, type ErrorCode } from '@fellesplan/domain';
import type { Hocuspocus } from '@hocuspocus/server';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ZodError } from 'zod';
import { processMetrics } from './processMetrics.js';

/** Seconds; from a fast SQLite commit to a PostgreSQL that is struggling. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What a store write was: a batch of appended updates, or a document's compaction. */
export type StoreOperation = 'append' | 'compact';

/**
 * The Prometheus metrics of one server instance, in a registry of its own: several servers in
 * one process (tests) never share or double-register a metric.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly messagesReceived = new Counter({
    name: 'fellesplan_collab_messages_received_total',
    help: 'Collaboration protocol messages received on authenticated document connections (sync, awareness, stateless).',
    registers: [this.registry],
  });
  readonly storeDuration = new Histogram({
    name: 'fellesplan_store_duration_seconds',
    help: 'Time to commit Yjs document writes: a batch of appended updates (one transaction) or a compaction.',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'fellesplan_command_duration_seconds',
    help: 'Time to run a command (validation, authorization, transaction, projection), whether or not it succeeded.',
    labelNames: ['command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly commandErrors = new Counter({
    name: 'fellesplan_command_errors_total',
    help: 'Commands that did not succeed, by command and error code (invalid_input, forbidden, internal …).',
    labelNames: ['command', 'code'] as const,
    registers: [this.registry],
  });
  private readonly collaborationGauges: Gauge[] = [];

  /** Connection and document counts are read from Hocuspocus when scraped, never kept twice. */
  watchCollaboration(hocuspocus: Hocuspocus): void {
    this.collaborationGauges.push(
      new Gauge({
        name: 'fellesplan_collab_connections',
        help: 'Open collaboration connections (WebSocket sockets, each carrying one or more documents) on this instance.',
        registers: [this.registry],
        collect() {
          this.set(hocuspocus.getConnectionsCount());
        },
      }),
      new Gauge({
        name: 'fellesplan_collab_documents_loaded',
        help: 'Yjs documents (section bodies and plan projections) loaded in memory on this instance.',
        registers: [this.registry],
        collect() {
          this.set(hocuspocus.getDocumentsCount());
        },
      }),
    );
  }

  /** Times `run` as command `name`; a failure also counts under its error code. */
  async measureCommand<T>(name: string, run: () => Promise<T>): Promise<T> {
    const stop = this.commandDuration.startTimer({ command: name });
    try {
      return await run();
    } catch (error) {
      this.commandErrors.inc({ command: name, code: commandErrorCode(error) });
      throw error;
    } finally {
      stop();
    }
  }

  /** Times one store write. */
  async measureStore<T>(operation: StoreOperation, write: () => Promise<T>): Promise<T> {
    const stop = this.storeDuration.startTimer({ operation });
    try {
      return await write();
    } finally {
      stop();
    }
  }

  /** The text exposition of this instance's metrics followed by the process's. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    const own = await this.registry.metrics();
    const process = await processMetrics().metrics();
    return { contentType: this.registry.contentType, body: `${own}\n${process}` };
  }
}

/**
 * The code a failed command answers with, as a label: one of the finite set of error codes, so a
 * client cannot grow the number of series by sending odd input.
 */
export function commandErrorCode(error: unknown): ErrorCode {
  if (error instanceof DomainError) return error.code;
  if (error instanceof ZodError) {
    const message = error.issues[0]?.message;
    return message !== undefined && Object.hasOwn(ERRORS, message) ? (message as ErrorCode) : 'invalid_input';
  }
  return 'internal';
}
