import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';

type Translate = (key: string, values: Record<string, unknown>) => string;

/**
 * What a screen reader hears while a section is dragged (dnd-kit's live region), in the user's
 * written form: which section, and where it is among all of them. `sections` is the order as it
 * was when the drag started, so a section's index there is the place it would drop into.
 */
export function sectionAnnouncements(
  t: Translate,
  sections: readonly { id: string; title: string }[],
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const total = sections.length;
  const titleOf = (id: UniqueIdentifier) => sections.find((s) => s.id === id)?.title ?? '';
  const placeOf = (id: UniqueIdentifier) => sections.findIndex((s) => s.id === id) + 1;
  return {
    screenReaderInstructions: { draggable: t('structure.dnd.instructions', {}) },
    announcements: {
      onDragStart: ({ active }) =>
        t('structure.dnd.picked', { title: titleOf(active.id), place: placeOf(active.id), total }),
      onDragOver: ({ active, over }) =>
        over
          ? t('structure.dnd.over', { title: titleOf(active.id), place: placeOf(over.id), total })
          : t('structure.dnd.outside', { title: titleOf(active.id) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('structure.dnd.dropped', { title: titleOf(active.id), place: placeOf(over.id), total })
          : t('structure.dnd.cancelled', { title: titleOf(active.id), place: placeOf(active.id) }),
      onDragCancel: ({ active }) =>
        t('structure.dnd.cancelled', { title: titleOf(active.id), place: placeOf(active.id) }),
    },
  };
}
