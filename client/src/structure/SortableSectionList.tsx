import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type Modifier,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Party, SectionView } from '@fellesplan/domain';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { sectionAnnouncements } from './sectionAnnouncements.js';
import { SectionRow, type MoveControl } from './SectionRow.js';

// Sections only go up and down; a sideways drift while dragging would only look unsteady.
const verticalOnly: Modifier = ({ transform }) => ({ ...transform, x: 0 });

/**
 * The plan's sections in order, reorderable three ways that all end in the same `onMove`: drag
 * with a pointer, pick up with Space and move with the arrow keys (announced in the user's
 * written form), or the "Flytt opp/ned" buttons.
 */
export function SortableSectionList({
  sections,
  parties,
  editable,
  labelledBy,
  onMove,
  onDelete,
  onChanged,
}: {
  sections: readonly SectionView[];
  parties: readonly Party[];
  editable: boolean;
  labelledBy: string;
  onMove: (sectionId: string, toIndex: number) => void;
  onDelete: (section: SectionView) => void;
  onChanged: (message: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => sections.map((s) => s.id), [sections]);
  const accessibility = useMemo(() => sectionAnnouncements(t, sections), [t, sections]);
  // React may re-insert a moved row, which drops the focus of the button that moved it.
  const refocus = useRef<{ sectionId: string; control: MoveControl } | null>(null);
  useEffect(() => {
    const wanted = refocus.current;
    if (!wanted) return;
    refocus.current = null;
    const button = document.getElementById(`move-${wanted.control}-${wanted.sectionId}`);
    if (button && document.activeElement !== button) button.focus();
  }, [ids]);

  function dragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const to = ids.indexOf(String(over.id));
    if (to >= 0) onMove(String(active.id), to);
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[verticalOnly]}
      accessibility={accessibility}
      onDragEnd={dragEnd}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="structure-list" aria-labelledby={labelledBy} data-testid="structure.list">
          {sections.map((section, index) => (
            <SectionRow
              key={section.id}
              section={section}
              number={index + 1}
              total={sections.length}
              parties={parties}
              editable={editable}
              onMove={(sectionId, toIndex, control) => {
                refocus.current = { sectionId, control };
                onMove(sectionId, toIndex);
              }}
              onDelete={onDelete}
              onChanged={onChanged}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
