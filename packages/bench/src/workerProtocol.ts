/** One provider a worker holds: a writer types into its own paragraph, a reader (null) only reads. */
export interface ConnectionSpec {
  documentName: string;
  token: string;
  writer: number | null;
}

export type ToWorker =
  | { kind: 'connect'; url: string; addresses: string[]; connections: ConnectionSpec[]; concurrency: number }
  | { kind: 'type'; startAt: number; stopAt: number; intervalMs: number; graceMs: number }
  | {
      kind: 'churn';
      url: string;
      addresses: string[];
      documents: { documentName: string; token: string }[];
      cycles: number;
      concurrency: number;
    }
  | { kind: 'close' }
  | { kind: 'exit' };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'connected'; connectMs: number[]; failures: number; firstError?: string }
  | { kind: 'typed'; sent: { writer: number; times: Float64Array }[]; arrivals: Float64Array }
  | { kind: 'progress'; done: number }
  | { kind: 'churned'; cycles: number; failures: number; firstError?: string; ms: number }
  | { kind: 'closed' }
  | { kind: 'error'; message: string };
