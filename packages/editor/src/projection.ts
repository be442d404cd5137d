import { canonicalJson, PROJECTION_MAP, type PlanProjection } from '@fellesplan/domain';
import type * as Y from 'yjs';

/** Writes only the keys whose value changed, so an unchanged plan sends no update. */
export function writeProjection(doc: Y.Doc, view: PlanProjection): void {
  const map = doc.getMap<unknown>(PROJECTION_MAP);
  const entries: Record<string, unknown> = {
    plan: { id: view.id, title: view.title, forum: view.forum },
    parties: view.parties,
    members: view.members,
    sections: view.sections,
    threads: view.threads,
  };
  doc.transact(() => {
    for (const [key, value] of Object.entries(entries)) {
      if (canonicalJson(map.get(key)) !== canonicalJson(value)) map.set(key, value);
    }
  });
}

/** Reads a projection back into a `PlanView` (used by clients and tests). */
export function readProjection(doc: Y.Doc): PlanProjection | null {
  const map = doc.getMap<unknown>(PROJECTION_MAP);
  const plan = map.get('plan') as Pick<PlanProjection, 'id' | 'title' | 'forum'> | undefined;
  if (!plan) return null;
  return {
    ...plan,
    parties: (map.get('parties') ?? []) as PlanProjection['parties'],
    members: (map.get('members') ?? []) as PlanProjection['members'],
    sections: (map.get('sections') ?? []) as PlanProjection['sections'],
    threads: (map.get('threads') ?? []) as PlanProjection['threads'],
  };
}
