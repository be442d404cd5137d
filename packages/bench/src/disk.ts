import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { percentile, round } from './proc.js';

/**
 * What one durable commit costs on the disk the servers store on: a small append and fdatasync,
 * the least a SQLite WAL commit with `synchronous = FULL` does. Fellesplan acknowledges and relays
 * an edit only after its commit, so this is a floor under its edit-to-peer latency that bare
 * Hocuspocus (which stores nothing) does not have.
 */
export function measureDurableAppend(
  parent: string,
  samples = 300,
): { p50Ms: number | null; p99Ms: number | null; samples: number } {
  const dir = mkdtempSync(path.join(parent, 'fellesplan-bench-disk-'));
  const fd = openSync(path.join(dir, 'wal'), 'a');
  const record = Buffer.alloc(96, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      writeSync(fd, record);
      fdatasyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  return { p50Ms: round(percentile(times, 50), 3), p99Ms: round(percentile(times, 99), 3), samples };
}
