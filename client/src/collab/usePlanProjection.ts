import { planDocumentName, PROJECTION_MAP, type PlanProjection } from '@fellesplan/domain';
// The subpath keeps Tiptap out of the plan page's first script.
import { readProjection } from '@fellesplan/editor/projection';
import { useEffect, useState } from 'react';
import { useCollabDocument } from './CollabContext.js';
import { replaceEqualDeep } from './replaceEqualDeep.js';

/**
 * The plan as the server projects it into `plan:<id>`, live. Starts from the HTTP answer so the
 * page renders at once; the projection takes over as soon as it has synced. Sections, parties
 * and threads that did not change keep their identity, so only the cards that changed render.
 */
export function usePlanProjection(planId: string, initial: PlanProjection | null): PlanProjection | null {
  const document = useCollabDocument(planDocumentName(planId));
  const [view, setView] = useState<PlanProjection | null>(initial);
  useEffect(() => setView((previous) => replaceEqualDeep(previous, initial)), [initial]);
  useEffect(() => {
    if (!document) return undefined;
    const map = document.doc.getMap(PROJECTION_MAP);
    const update = () => {
      const projected = readProjection(document.doc);
      if (projected) setView((previous) => replaceEqualDeep(previous, projected));
    };
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [document]);
  return view;
}
