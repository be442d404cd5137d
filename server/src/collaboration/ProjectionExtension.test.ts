import { planDocumentName, sectionDocumentName, type PlanProjection } from '@fellesplan/domain';
import { readProjection } from '@fellesplan/editor';
import type { onChangePayload, onLoadDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { ProjectionBasis } from '../queries/planView.js';
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
      { load: async () => null, reproject: async (basis) => basis },
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

describe('ProjectionExtension after edits', () => {
  const planId = 'p1';
  const projection = (title: string) =>
    ({
      id: planId,
      title,
      forum: null,
      parties: [],
      members: [],
      sections: [],
      threads: [],
    }) as unknown as PlanProjection;
  const basis = (title: string): ProjectionBasis => ({
    planId,
    projection: projection(title),
    sections: new Map(),
    markers: new Map(),
    threads: [],
  });

  // An edit pass works from the rows of the last rebuild; a command that rebuilds meanwhile has
  // newer rows (a marker, a lock), which the edit pass must not write over.
  it('[SO5] an edit pass that began before a rebuild does not overwrite it', async () => {
    const doc = new Y.Doc();
    const instance = { documents: new Map([[planDocumentName(planId), Object.assign(doc, { isLoading: false })]]) };
    let finishEditPass: () => void = () => undefined;
    let loads = 0;
    const extension = new ProjectionExtension(
      {
        load: async () => basis(loads++ === 0 ? 'first rebuild' : 'after the command'),
        reproject: async (from) => {
          await new Promise<void>((resolve) => (finishEditPass = resolve));
          return { ...from, projection: { ...from.projection, title: 'stale edit pass' } };
        },
      },
      async () => planId,
      pino({ level: 'silent' }),
    );
    await extension.onLoadDocument({
      documentName: planDocumentName(planId),
      document: doc,
      instance,
    } as unknown as onLoadDocumentPayload);
    const editPass = extension.refreshEdited(planId, new Set(['s1']));
    await extension.refreshHere(planId);
    finishEditPass();
    await editPass;
    expect(readProjection(doc)?.title).toBe('after the command');
  });
});
