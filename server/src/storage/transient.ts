/**
 * Whether a storage error means the database could not be reached for a while (restart,
 * failover, network, a SQLite write lock held long), as opposed to a query it refused: only these are worth trying again.
 */
export function isTransientStorageError(error: unknown): boolean {
  const candidates = [error, (error as { cause?: unknown } | null)?.cause];
  for (const candidate of candidates) {
    if (typeof candidate !== 'object' || candidate === null) continue;
    const code = (candidate as { code?: unknown }).code;
    if (typeof code === 'string') {
      // PostgreSQL: class 08 connection exception; 57P01-03 shutdown / cannot connect now; 53300 too many connections.
      if (/^08/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
      if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) return true;
      // SQLite: another connection to the file (the server's own beside the writer thread's, or
      // another process) held the write lock past busy_timeout; it lets go when its transaction ends.
      if (/^SQLITE_BUSY/.test(code)) return true;
    }
    const message = (candidate as { message?: unknown }).message;
    // pg-pool's own errors carry no code: «timeout exceeded when trying to connect» is a request
    // that waited for a pool connection while the database could not be reached (or every
    // connection was busy that long).
    if (
      typeof message === 'string' &&
      /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i.test(
        message,
      )
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Runs `write` until it succeeds, fails for a reason other than an unreachable database, or
 * `giveUpAfterMs` has passed; waits between tries, longer each time up to a second.
 */
export async function retryTransient<T>(
  write: () => Promise<T>,
  { giveUpAfterMs, onRetry }: { giveUpAfterMs: number; onRetry?: (error: unknown, attempt: number) => void },
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isTransientStorageError(error) || Date.now() - started >= giveUpAfterMs) throw error;
      onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * attempt, 1000)));
    }
  }
}
