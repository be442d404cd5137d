import { DomainError } from '@fellesplan/domain';

export interface FairQueueOptions {
  /** Tasks running at once. */
  concurrency: number;
  /** Tasks one key may have waiting; more are refused with `busy`. */
  maxWaitingPerKey: number;
  /** Tasks waiting in all; more are refused with `busy`. */
  maxWaiting: number;
}

/**
 * A concurrency limit whose waiting tasks are started round-robin by key (the client address),
 * so one address's backlog delays the others by at most one task each. Libraries we looked at
 * (p-limit, p-queue, bottleneck) queue first-in-first-out across keys, which is the starvation
 * this exists to prevent.
 */
export class FairQueue {
  private running = 0;
  private waitingCount = 0;
  // Map iteration follows insertion order: re-inserting a key after serving it moves it last.
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly options: FairQueueOptions) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if (this.running >= this.options.concurrency) await this.enqueue(key);
    else this.running++;
    try {
      return await task();
    } finally {
      this.startNext();
    }
  }

  private enqueue(key: string): Promise<void> {
    const queue = this.waiting.get(key) ?? [];
    if (queue.length >= this.options.maxWaitingPerKey || this.waitingCount >= this.options.maxWaiting) {
      return Promise.reject(new DomainError('busy'));
    }
    this.waiting.set(key, queue);
    this.waitingCount++;
    return new Promise((resolve) => queue.push(resolve));
  }

  /** Hands the finished task's slot to the next key in turn, or frees it. */
  private startNext(): void {
    const next = this.waiting.entries().next();
    if (next.done) {
      this.running--;
      return;
    }
    const [key, queue] = next.value;
    const start = queue.shift();
    this.waiting.delete(key);
    if (queue.length > 0) this.waiting.set(key, queue);
    this.waitingCount--;
    start?.();
  }
}
