import type { CSSProperties, ReactNode } from 'react';
import { ActionIcon, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';

export interface SortableControls {
  /** The drag handle, a button: Space/Enter picks up, arrows move, Space drops, Escape cancels. */
  handle: ReactNode;
  /** "Naikkan" / "Turunkan" buttons for those who do not drag at all. */
  arrows: ReactNode;
}

interface ListProps<T extends { key: string }> {
  items: T[];
  /** Read out while dragging ("Blok 2: Video"). */
  nameOf: (item: T, index: number) => string;
  onMove: (from: number, to: number) => void;
  disabled?: boolean;
  children: (item: T, index: number, controls: SortableControls) => ReactNode;
}

/** A vertical list reordered by mouse, touch or keyboard (dnd-kit), announced in the UI language. */
export function SortableList<T extends { key: string }>({ items, nameOf, onMove, disabled, children }: ListProps<T>) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const name = (id: string | number) => {
    const i = items.findIndex((it) => it.key === id);
    return i >= 0 ? nameOf(items[i], i) : String(id);
  };
  const position = (id: string | number | undefined) => items.findIndex((it) => it.key === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.picked', { name: name(active.id), position: String(position(active.id)), total: String(items.length) }),
    onDragOver: ({ active, over }) => (over ? t('dnd.over', { name: name(active.id), position: String(position(over.id)), total: String(items.length) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('dnd.dropped', { name: name(active.id), position: String(position(over.id)), total: String(items.length) }) : undefined),
    onDragCancel: ({ active }) => t('dnd.cancelled', { name: name(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = items.findIndex((it) => it.key === active.id);
    const to = items.findIndex((it) => it.key === over.id);
    if (from >= 0 && to >= 0) onMove(from, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <SortableContext items={items.map((i) => i.key)} strategy={verticalListSortingStrategy} disabled={disabled}>
        {items.map((item, index) => (
          <SortableItem key={item.key} id={item.key} disabled={disabled}>
            {(handleProps) =>
              children(item, index, {
                handle: disabled ? null : (
                  <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('dnd.handle', { name: nameOf(item, index) })} {...handleProps} style={{ cursor: 'grab', touchAction: 'none' }}>
                    <IconGripVertical size={18} aria-hidden />
                  </ActionIcon>
                ),
                arrows: disabled ? null : (
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" color="gray" size="lg" disabled={index === 0} aria-label={t('dnd.up', { name: nameOf(item, index) })} onClick={() => onMove(index, index - 1)}>
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="lg"
                      disabled={index === items.length - 1}
                      aria-label={t('dnd.down', { name: nameOf(item, index) })}
                      onClick={() => onMove(index, index + 1)}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ),
              })
            }
          </SortableItem>
        ))}
      </SortableContext>
    </DndContext>
  );
}

function SortableItem({ id, disabled, children }: { id: string; disabled?: boolean; children: (handleProps: Record<string, unknown>) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled });
  const style: CSSProperties = {
    transform: CSS.Translate.toString(transform),
    transition,
    position: 'relative',
    zIndex: isDragging ? 2 : undefined,
    opacity: isDragging ? 0.85 : undefined,
  };
  return (
    <div ref={setNodeRef} style={style}>
      {children({ ...attributes, ...listeners, ref: setActivatorNodeRef })}
    </div>
  );
}
