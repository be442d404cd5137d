import { ID_CHARACTERS } from '@fellesplan/domain';
import { useEffect, useState } from 'react';

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

/** The fragment target now, following hash changes (links within the page, back and forward). */
export function useHashTarget(): { target: PlanTarget | null; seq: number } {
  const [state, setState] = useState(() => ({ target: parsePlanHash(window.location.hash), seq: 0 }));
  useEffect(() => {
    const update = () => setState((s) => ({ target: parsePlanHash(window.location.hash), seq: s.seq + 1 }));
    window.addEventListener('hashchange', update);
    window.addEventListener('popstate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return state;
}

/** Points the URL at a target without the browser's own jump (ours accounts for the header). */
export function setHash(target: PlanTarget): void {
  window.history.pushState(null, '', `#${target.kind}-${target.id}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
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
