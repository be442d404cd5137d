import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

/**
 * The ARIA toolbar pattern's keyboard model: the toolbar is one tab stop (the button last used
 * has tabindex 0, the others -1), arrow keys move between buttons and wrap, Home and End jump
 * to the ends. Buttons are found in the DOM, so groups that come and go (table controls) need
 * no bookkeeping.
 */
export function useRovingFocus<T extends HTMLElement>() {
  const container = useRef<T>(null);
  const [active, setActive] = useState(0);

  const items = () => Array.from(container.current?.querySelectorAll<HTMLElement>('[data-roving]') ?? []);

  const focusAt = useCallback((index: number) => {
    const all = items();
    if (all.length === 0) return;
    const next = ((index % all.length) + all.length) % all.length;
    setActive(next);
    all[next]?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<T>) => {
    const all = items();
    const current = all.indexOf(document.activeElement as HTMLElement);
    if (current < 0) return;
    const target =
      event.key === 'ArrowRight'
        ? current + 1
        : event.key === 'ArrowLeft'
          ? current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? all.length - 1
              : null;
    if (target === null) return;
    event.preventDefault();
    focusAt(target);
  };

  /** Props for the item at `index`: its place in the tab order, and remembering it when used. */
  const itemProps = (index: number, count: number) => ({
    'data-roving': true,
    tabIndex: index === Math.min(active, count - 1) ? 0 : -1,
    onFocus: () => setActive(index),
  });

  /** Focus the toolbar from outside (Alt+F10 in the text): the button last used. */
  const focusToolbar = useCallback(() => {
    const all = items();
    all[Math.min(active, all.length - 1)]?.focus();
  }, [active]);

  return { container, onKeyDown, itemProps, focusToolbar };
}
