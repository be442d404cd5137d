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

  /** Views whose edit pass adds the edited sections' ids; the first pass waits until released. */
  const views = (titles: string[]) => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let enter: () => void = () => undefined;
    const entered = new Promise<void>((resolve) => (enter = resolve));
    let passes = 0;
    return {
      release: () => release(),
      /** Resolves once the first edit pass is under way. */
      entered,
      views: {
        load: async () => basis(titles.shift() ?? 'later rebuild'),
        reproject: async (from: ProjectionBasis, sections: ReadonlySet<string>) => {
          if (passes++ === 0) {
            enter();
            await gate;
          }
          const edited = [...sections].map((id) => ({ id }));
          const projectionSections = [...(from.projection.sections as unknown as { id: string }[]), ...edited];
          return {
            ...from,
            projection: { ...from.projection, sections: projectionSections } as unknown as PlanProjection,
          };
        },
      },
    };
  };
  const loaded = async (extension: ProjectionExtension, doc: Y.Doc) => {
    const instance = { documents: new Map([[planDocumentName(planId), Object.assign(doc, { isLoading: false })]]) };
    await extension.onLoadDocument({
      documentName: planDocumentName(planId),
      document: doc,
      instance,
    } as unknown as onLoadDocumentPayload);
  };
  const sectionIds = (doc: Y.Doc) => (readProjection(doc)?.sections ?? []).map((s) => s.id).sort();

  // An edit pass works from the rows of the last rebuild; a command that rebuilds meanwhile has
  // newer rows (a marker, a lock), which the edit pass must not write over, and the edit must not
  // go missing either.
  it('[SO5] an edit pass that began before a rebuild does not overwrite it, and its edit is derived again on top', async () => {
    const doc = new Y.Doc();
    const fake = views(['first rebuild', 'after the command']);
    const extension = new ProjectionExtension(fake.views, async () => planId, pino({ level: 'silent' }));
    await loaded(extension, doc);
    const editPass = extension.refreshEdited(planId, new Set(['s1']));
    await fake.entered;
    await extension.refreshHere(planId);
    fake.release();
    await editPass;
    expect(readProjection(doc)?.title).toBe('after the command');
    expect(sectionIds(doc)).toEqual(['s1']);
  });

  it('[SO5] two edit passes at once (edits to two sections, told by two instances) both land', async () => {
    const doc = new Y.Doc();
    const fake = views(['first rebuild']);
    const extension = new ProjectionExtension(fake.views, async () => planId, pino({ level: 'silent' }));
    await loaded(extension, doc);
    const first = extension.refreshEdited(planId, new Set(['s1']));
    const second = extension.refreshEdited(planId, new Set(['s2']));
    fake.release();
    await Promise.all([first, second]);
    expect(sectionIds(doc)).toEqual(['s1', 's2']);
  });
});
