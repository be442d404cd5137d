import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker } from './workerProtocol.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A client worker process and a way to wait for its next answer of a kind. */
export class Worker {
  private readonly child: ChildProcess;
  private readonly waiting: {
    kind: FromWorker['kind'];
    resolve: (m: FromWorker) => void;
    reject: (e: Error) => void;
  }[] = [];
  readonly ready: Promise<FromWorker>;
  onProgress: (done: number) => void = () => undefined;

  constructor(readonly index: number) {
    this.child = fork(path.join(here, 'worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      // `--import tsx` resolves from the working directory: this package's, which depends on tsx.
      cwd: path.join(here, '..'),
      // Float64Arrays cross the IPC channel as they are, not as JSON.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = this.next('ready');
    this.child.on('message', (message: FromWorker) => {
      if (message.kind === 'progress') return this.onProgress(message.done);
      if (message.kind === 'error') {
        for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`worker ${index}: ${message.message}`));
        return;
      }
      const at = this.waiting.findIndex((w) => w.kind === message.kind);
      if (at >= 0) this.waiting.splice(at, 1)[0]?.resolve(message);
    });
    this.child.on('exit', (code) => {
      for (const waiter of this.waiting.splice(0)) waiter.reject(new Error(`worker ${index} exited with ${code}`));
    });
  }

  /** Loopback source addresses of this worker alone: 127.0.<10 + index>.1–60. */
  get addresses(): string[] {
    return Array.from({ length: 60 }, (_, i) => `127.0.${10 + this.index}.${i + 1}`);
  }

  private next<K extends FromWorker['kind']>(kind: K): Promise<Extract<FromWorker, { kind: K }>> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ kind, resolve: resolve as (m: FromWorker) => void, reject });
    });
  }

  request<K extends FromWorker['kind']>(message: ToWorker, answer: K): Promise<Extract<FromWorker, { kind: K }>> {
    const reply = this.next(answer);
    this.child.send(message);
    return reply;
  }

  async exit(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.send({ kind: 'exit' } satisfies ToWorker);
    await exited;
  }
}

export async function startWorkers(count: number): Promise<Worker[]> {
  const workers = Array.from({ length: count }, (_, i) => new Worker(i));
  await Promise.all(workers.map((w) => w.ready));
  return workers;
}
