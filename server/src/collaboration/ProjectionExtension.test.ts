import { sectionDocumentName } from '@fellesplan/domain';
import type { onChangePayload } from '@hocuspocus/server';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ProjectionExtension } from './ProjectionExtension.js';

const payload = (documentName: string) => ({ documentName, instance: {} }) as unknown as onChangePayload;

describe('ProjectionExtension.onChange', () => {
  // Hocuspocus calls onChange without awaiting or catching it: a rejection would be an unhandled
  // rejection, which ends a Node process. The CI run that lost issue 9 died of exactly this at shutdown.
  it('never rejects when the plan lookup fails, during use or after destroy', async () => {
    const logged: unknown[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => void logged.push(line) });
    const projection = new ProjectionExtension(
      async () => null,
      async () => {
        throw new Error('driver has already been destroyed');
      },
      logger,
    );
    await expect(projection.onChange(payload(sectionDocumentName('s1')))).resolves.toBeUndefined();
    expect(logged).toHaveLength(1);
    await projection.onDestroy();
    await expect(projection.onChange(payload(sectionDocumentName('s1')))).resolves.toBeUndefined();
    expect(logged).toHaveLength(1);
  });
});
