import { useEffect, useState, type RefObject } from 'react';

/** Longest a card near (not in) the viewport waits for the browser to be idle before it mounts. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * True once the element has come within `margin` of the viewport, and from then on. Sections
 * mount their editor (and open their document) only then, so a long plan opens at once. A card
 * in the viewport mounts at once; one only near it waits until the browser is idle, so the
 * editors on screen are not held up by the ones below the fold.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = '1200px 0px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    let cancelIdle: (() => void) | null = null;
    const visible = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    });
    const approaching = new IntersectionObserver(
      (entries) => {
        if (cancelIdle || !entries.some((e) => e.isIntersecting)) return;
        cancelIdle = whenIdle(() => setNear(true));
      },
      { rootMargin: margin },
    );
    visible.observe(element);
    approaching.observe(element);
    return () => {
      visible.disconnect();
      approaching.disconnect();
      cancelIdle?.();
    };
  }, [ref, near, margin]);
  return near;
}

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 0);
  return () => clearTimeout(timer);
}
