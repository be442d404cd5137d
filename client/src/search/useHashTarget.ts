import type { PlanProjection } from '@fellesplan/domain';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { revealPassage } from './passageTarget.js';

/**
 * Opens what the address names once the plan has it: `#thread-<id>` shows the thread in its
 * section (mounting the section's editor), `#section-<id>` the section. Links from notifications
 * and the thread list land here; a thread announced a moment ago may reach the projection after
 * the link is followed, so a thread not yet known is waited for.
 */
export function useHashTarget(plan: PlanProjection | null): void {
  const location = useLocation();
  const handled = useRef<string | null>(null);
  useEffect(() => {
    const visit = `${location.key}${location.hash}`;
    if (!plan || handled.current === visit) return;
    const thread = /^#thread-(.+)$/.exec(location.hash)?.[1];
    const section = /^#section-(.+)$/.exec(location.hash)?.[1];
    if (thread) {
      const found = plan.threads.find((th) => th.id === thread);
      if (!found) return;
      handled.current = visit;
      revealPassage({ sectionId: found.sectionId, kind: 'comment', threadId: found.id });
    } else if (section && plan.sections.some((s) => s.id === section)) {
      handled.current = visit;
      revealPassage({ sectionId: section, kind: 'section' });
    }
  }, [location.key, location.hash, plan]);
}
