import { ID_CHARACTERS } from '@fellesplan/domain';
import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** Keeps `--fp-header-h` at the height the header covers: its height while it sticks, else 0. */
export function useStickyHeaderOffset(): void {
  useEffect(() => {
    const root = document.documentElement;
    const measure = () => {
      const header = document.querySelector<HTMLElement>('.app-header');
      const sticky = header && getComputedStyle(header).position === 'sticky';
      root.style.setProperty('--fp-header-h', `${sticky ? Math.ceil(header.getBoundingClientRect().height) : 0}px`);
    };
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    const header = document.querySelector('.app-header');
    if (header) observer?.observe(header);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);
}

/** How long a jump keeps its target in place while sections above it render their text. */
const SETTLE_MS = 1_500;

/**
 * Scrolls so the element's top sits just below the header, and keeps it there while content
 * above it changes height (editors mounting), until the person scrolls or types themselves.
 */
export function scrollToElement(element: HTMLElement, focus?: HTMLElement | null): void {
  element.scrollIntoView({ block: 'start' });
  focus?.focus({ preventScroll: true });
  if (typeof ResizeObserver === 'undefined') return;
  const started = performance.now();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    for (const type of USER_SCROLL) window.removeEventListener(type, stop);
    clearTimeout(timer);
  };
  const observer = new ResizeObserver(() => {
    if (performance.now() - started > SETTLE_MS) return stop();
    element.scrollIntoView({ block: 'start' });
  });
  observer.observe(document.body);
  for (const type of USER_SCROLL) window.addEventListener(type, stop, { passive: true, once: true });
  const timer = setTimeout(stop, SETTLE_MS);
}
const USER_SCROLL = ['wheel', 'touchstart', 'keydown', 'mousedown'] as const;

/** What a URL fragment points at in a plan: a section or a comment thread. */
export type PlanTarget = { kind: 'section'; id: string } | { kind: 'thread'; id: string };

const HASH = new RegExp(`^#(section|thread)-(${ID_CHARACTERS})$`);

export function parsePlanHash(hash: string): PlanTarget | null {
  const match = HASH.exec(hash);
  if (!match?.[1] || !match[2]) return null;
  return { kind: match[1] as PlanTarget['kind'], id: match[2] };
}

/**
 * The fragment target of the current address, and a key that changes with every navigation to
 * it (the same link followed twice is two visits). Router navigation (links from notifications,
 * search) and the browser's own (back, forward, typed address) both count.
 */
export function useHashTarget(): { target: PlanTarget | null; visit: string } {
  const location = useLocation();
  const target = useMemo(() => parsePlanHash(location.hash), [location.hash]);
  return { target, visit: `${location.key}${location.hash}` };
}

/** Points the address at a target; the page follows it through `useHashTarget`. */
export function useGoToTarget(): (target: PlanTarget) => void {
  const navigate = useNavigate();
  const location = useLocation();
  return (target) => {
    void navigate({ pathname: location.pathname, search: location.search, hash: `#${target.kind}-${target.id}` });
  };
}

/**
 * The section being read: the last one whose top has passed a line a third down the part of the
 * window below the header.
 */
export function useCurrentSection(sectionIds: readonly string[]): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  const key = sectionIds.join(',');
  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const header = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--fp-header-h')) || 0;
      const line = header + (window.innerHeight - header) / 3;
      let found: string | null = null;
      for (const id of key ? key.split(',') : []) {
        const element = document.getElementById(`section-${id}`);
        if (!element) continue;
        if (element.getBoundingClientRect().top <= line) found = id;
        else break;
      }
      setCurrent(found ?? (key ? (key.split(',')[0] ?? null) : null));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [key]);
  return current;
}
