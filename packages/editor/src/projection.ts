import { PROJECTION_MAP, type PlanProjection } from '@fellesplan/domain';
import type * as Y from 'yjs';
import { readThreads, setIfChanged, writeThreads } from './projectionThreads.js';

/** Writes only what changed, so an unchanged plan sends no update and one comment sends one comment. */
export function writeProjection(doc: Y.Doc, view: PlanProjection): void {
  const map = doc.getMap<unknown>(PROJECTION_MAP);
  const entries: Record<string, unknown> = {
    plan: {
      id: view.id,
      title: view.title,
      forum: view.forum,
      period: view.period ?? null,
      archivedAt: view.archivedAt ?? null,
    },
    parties: view.parties,
    members: view.members,
    sections: view.sections,
    adoption: view.adoption ?? null,
    hearings: view.hearings ?? [],
  };
  doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) setIfChanged(map, key, value);
    writeThreads(map, view.threads);
  });
}

/** Reads a projection back into a `PlanView` (used by clients and tests). */
export function readProjection(doc: Y.Doc): PlanProjection | null {
  const map = doc.getMap<unknown>(PROJECTION_MAP);
  const plan = map.get('plan') as Pick<PlanProjection, 'id' | 'title' | 'forum' | 'period' | 'archivedAt'> | undefined;
  if (!plan) return null;
  return {
    ...plan,
    parties: (map.get('parties') ?? []) as PlanProjection['parties'],
    members: (map.get('members') ?? []) as PlanProjection['members'],
    sections: (map.get('sections') ?? []) as PlanProjection['sections'],
    adoption: (map.get('adoption') ?? null) as PlanProjection['adoption'],
    hearings: (map.get('hearings') ?? []) as NonNullable<PlanProjection['hearings']>,
    threads: readThreads(map),
  };
}
