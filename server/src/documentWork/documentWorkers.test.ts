import { DomainError } from '@fellesplan/domain';
import { describe, expect, it } from 'vitest';
import { buildPlanDocx } from '../testing/planDocx.js';
import { DocumentWorkers } from './documentWorkers.js';

describe('DocumentWorkers', () => {
  it('reads a Word file in a worker thread', async () => {
    const workers = new DocumentWorkers({ threads: 1 });
    try {
      const read = await workers.importDocx(await buildPlanDocx());
      expect(read.ok && read.sections.length).toBe(5);
    } finally {
      await workers.close();
    }
  });

  it('gives up a read that overruns its time with import_timeout, a 4xx', async () => {
    const workers = new DocumentWorkers({ threads: 1, importTimeoutMs: 1 });
    const file = await buildPlanDocx();
    try {
      const error = await workers.importDocx(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('import_timeout');
    } finally {
      await workers.close();
    }
  });
});
