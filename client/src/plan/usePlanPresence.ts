import { planDocumentName, planViewingSchema, type PlanViewing } from '@fellesplan/domain';
import { useEffect, useState } from 'react';
import { useCollabDocument } from '../collab/CollabContext.js';

export interface PlanVisitor {
  clientId: number;
  name: string;
  party: string;
  color: string;
  viewing: PlanViewing | null;
}

/**
 * Who is in the plan now, and where: everyone else whose browser has the plan open, with the
 * section they are in. Announces our own place as it changes: the section holding our caret,
 * else the one we are reading; away while our tab is hidden.
 */
export function usePlanPresence(planId: string, readingSectionId: string | null): PlanVisitor[] {
  const document = useCollabDocument(planDocumentName(planId));
  const awareness = document?.provider.awareness ?? null;
  const [visitors, setVisitors] = useState<PlanVisitor[]>([]);
  const [editingSectionId, setEditingSectionId] = useState<string | null>(null);
  const [away, setAway] = useState(() => window.document.visibilityState === 'hidden');

  useEffect(() => {
    const follow = () => {
      const active = window.document.activeElement;
      const inEditor = active?.closest('.ProseMirror[contenteditable="true"]');
      setEditingSectionId(inEditor?.closest<HTMLElement>('[data-section-id]')?.dataset.sectionId ?? null);
    };
    const visibility = () => setAway(window.document.visibilityState === 'hidden');
    window.document.addEventListener('focusin', follow);
    window.document.addEventListener('focusout', follow);
    window.document.addEventListener('visibilitychange', visibility);
    return () => {
      window.document.removeEventListener('focusin', follow);
      window.document.removeEventListener('focusout', follow);
      window.document.removeEventListener('visibilitychange', visibility);
    };
  }, []);

  const sectionId = editingSectionId ?? readingSectionId;
  const editing = editingSectionId !== null;
  useEffect(() => {
    if (!awareness) return;
    const viewing: PlanViewing = { sectionId, editing, away };
    awareness.setLocalStateField('viewing', viewing);
  }, [awareness, sectionId, editing, away]);

  useEffect(() => {
    if (!awareness) return undefined;
    const update = () => {
      const list: PlanVisitor[] = [];
      awareness.getStates().forEach((state, clientId) => {
        const user = (state as { user?: Partial<PlanVisitor> }).user;
        if (clientId === awareness.clientID || !user?.name) return;
        const parsed = planViewingSchema.safeParse((state as { viewing?: unknown }).viewing);
        list.push({
          clientId,
          name: user.name,
          party: user.party ?? '',
          color: user.color ?? '#444',
          viewing: parsed.success ? parsed.data : null,
        });
      });
      list.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
      setVisitors(list);
    };
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);
  return visitors;
}
