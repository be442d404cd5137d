import { useEffect, useState } from 'react';
// Type only: the component's script stays in its own chunk, loaded by `loadLiveSection`.
import type LiveSection from './LiveSection.js';

type LiveSectionComponent = typeof LiveSection;

let loaded: LiveSectionComponent | null = null;
let loading: Promise<LiveSectionComponent> | null = null;

/** Starts loading the live section's script (the editor's), once for every caller. */
export function loadLiveSection(): Promise<LiveSectionComponent> {
  loading ??= import('./LiveSection.js').then(
    (module) => (loaded = module.default),
    (error: unknown) => {
      // Offline, or a deploy replaced the chunk: a later card asks again.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/**
 * The live section component once its script has loaded (null until then: the card shows the
 * stored text). Not React.lazy: its Suspense boundary shows content that resolved after the
 * fallback only once React's fallback throttle (300 ms) has passed, which held the first editor
 * of every plan page back that long although the script was already there.
 */
export function useLiveSection(wanted: boolean): LiveSectionComponent | null {
  const [component, setComponent] = useState<LiveSectionComponent | null>(() => loaded);
  useEffect(() => {
    if (!wanted || component) return undefined;
    let current = true;
    loadLiveSection().then(
      (live) => {
        if (current) setComponent(() => live);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wanted, component]);
  return component ?? loaded;
}
