import type { SectionBodyView, SectionView } from '@fellesplan/domain';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { takePrefetched } from './prefetch.js';

export interface StoredBody {
  revision: string;
  json: unknown;
}

/** How long a section must stay unchanged before its newer text is fetched again. */
const REFRESH_DELAY_MS = 2_000;

/**
 * Every section's text as the server stores it, kept current for sections whose live editor is
 * not showing: the projection tells each section's revision, and a section whose revision moved
 * on is fetched again once typing there pauses. Sections with a synced editor are skipped.
 */
export function usePlanBodies(
  planId: string,
  sections: readonly SectionView[] | undefined,
): {
  bodies: ReadonlyMap<string, StoredBody>;
  /** The first answer (or failure) is in: sections have the height of their text. */
  loaded: boolean;
  setLive: (sectionId: string, live: boolean) => void;
} {
  const [bodies, setBodies] = useState<ReadonlyMap<string, StoredBody>>(new Map());
  const [loaded, setLoaded] = useState(false);
  const live = useRef(new Set<string>());
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    let cancelled = false;
    (takePrefetched(planId, 'contents') ?? api.contents(planId))
      .then((list: SectionBodyView[]) => {
        if (cancelled) return;
        setBodies(
          new Map(list.flatMap((b) => ('json' in b ? [[b.sectionId, { revision: b.revision, json: b.json }]] : []))),
        );
      })
      // Without stored text the page still works: sections show a placeholder until they mount.
      .catch(() => undefined)
      .finally(() => {
        if (!cancelled) setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
  }, [planId]);

  useEffect(() => {
    if (!sections) return;
    for (const section of sections) {
      const known = bodies.get(section.id);
      if (!known || known.revision === section.revision || live.current.has(section.id)) continue;
      const timers = pending.current;
      const previous = timers.get(section.id);
      if (previous) clearTimeout(previous);
      timers.set(
        section.id,
        setTimeout(() => {
          timers.delete(section.id);
          if (live.current.has(section.id)) return;
          api
            .content(section.id)
            .then(({ revision, json }) =>
              setBodies((current) => {
                const next = new Map(current);
                next.set(section.id, { revision, json });
                return next;
              }),
            )
            .catch(() => undefined);
        }, REFRESH_DELAY_MS),
      );
    }
  }, [sections, bodies]);

  useEffect(() => {
    const timers = pending.current;
    return () => timers.forEach((timer) => clearTimeout(timer));
  }, []);

  const setLive = useCallback((sectionId: string, isLive: boolean) => {
    if (isLive) live.current.add(sectionId);
    else live.current.delete(sectionId);
  }, []);
  return { bodies, loaded, setLive };
}
