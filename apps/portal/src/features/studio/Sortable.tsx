import { useState, type CSSProperties, type ReactNode } from 'react';
import { ActionIcon, Group, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
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
  const labels = useControlLabels();
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
              children(item, index, sortableControls(labels, { disabled, name: nameOf(item, index), index, total: items.length, handleProps, onMove }))
            }
          </SortableItem>
        ))}
      </SortableContext>
    </DndContext>
  );
}

// The plain signature this helper needs: i18next's full TFunction type, passed around as a
// value, is too deep for the compiler with a catalogue of this size.
type ControlLabels = (key: 'dnd.handle' | 'dnd.up' | 'dnd.down', options: { name: string }) => string;

function useControlLabels(): ControlLabels {
  const { t } = useTranslation();
  return (key, options) => t(key, options);
}

/** The grip and the up/down buttons of one item. */
function sortableControls(
  t: ControlLabels,
  { disabled, name, index, total, handleProps, onMove }: { disabled?: boolean; name: string; index: number; total: number; handleProps: Record<string, unknown>; onMove: (from: number, to: number) => void },
): SortableControls {
  return {
    handle: disabled ? null : (
      <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('dnd.handle', { name })} {...handleProps} style={{ cursor: 'grab', touchAction: 'none' }}>
        <IconGripVertical size={18} aria-hidden />
      </ActionIcon>
    ),
    arrows: disabled ? null : (
      <Group gap={2} wrap="nowrap">
        <ActionIcon variant="subtle" color="gray" size="lg" disabled={index === 0} aria-label={t('dnd.up', { name })} onClick={() => onMove(index, index - 1)}>
          <IconArrowUp size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon variant="subtle" color="gray" size="lg" disabled={index === total - 1} aria-label={t('dnd.down', { name })} onClick={() => onMove(index, index + 1)}>
          <IconArrowDown size={16} aria-hidden />
        </ActionIcon>
      </Group>
    ),
  };
}

function SortableItem({
  id,
  disabled,
  data,
  children,
}: {
  id: string;
  disabled?: boolean;
  data?: Record<string, unknown>;
  children: (handleProps: Record<string, unknown>) => ReactNode;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled, data });
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

interface TreeGroup {
  key: string;
  lessons: { key: string }[];
}

type Kind = 'group' | 'child' | 'zone';
const kindOf = (c: { data: { current?: Record<string, unknown> | null } } | null | undefined) => c?.data.current?.kind as Kind | undefined;

interface TreeProps<G extends TreeGroup, C extends G['lessons'][number] = G['lessons'][number]> {
  groups: G[];
  disabled?: boolean;
  groupName: (group: G, index: number) => string;
  childName: (child: C, index: number) => string;
  onMoveGroup: (from: number, to: number) => void;
  /** A child moved within its group or into another one: `index` among the target's children once it is removed from where it was (undefined: at the end). */
  onMoveChild: (childKey: string, toGroupKey: string, index: number | undefined) => void;
  renderGroup: (group: G, index: number, controls: SortableControls, children: ReactNode) => ReactNode;
  renderChild: (child: C, index: number, group: G, groupIndex: number, controls: SortableControls) => ReactNode;
  /** Shown inside a group without children while a child is dragged (the drop target). */
  emptyLabel: string;
}

/**
 * Two levels in ONE drag-and-drop context (modules and their lessons), so a lesson can be
 * dragged into another module. A dragged module only meets modules, a dragged lesson only
 * lessons (and the drop zone of an empty module), for the pointer and for the keyboard alike.
 */
export function SortableTree<G extends TreeGroup>({
  groups,
  disabled,
  groupName,
  childName,
  onMoveGroup,
  onMoveChild,
  renderGroup,
  renderChild,
  emptyLabel,
}: TreeProps<G>) {
  const { t } = useTranslation();
  const labels = useControlLabels();
  const [draggingChild, setDraggingChild] = useState(false);

  const locate = (id: string | number | undefined) => {
    for (let gi = 0; gi < groups.length; gi++) {
      if (groups[gi].key === id) return { kind: 'group' as const, gi, ci: -1 };
      const ci = groups[gi].lessons.findIndex((c) => c.key === id);
      if (ci >= 0) return { kind: 'child' as const, gi, ci };
      if (`zone:${groups[gi].key}` === id) return { kind: 'zone' as const, gi, ci: 0 };
    }
    return null;
  };
  const sameKind = (activeKind: Kind | undefined, kind: Kind | undefined) => (activeKind === 'group' ? kind === 'group' : kind === 'child' || kind === 'zone');

  const collisionDetection: CollisionDetection = (args) =>
    closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => sameKind(kindOf(args.active), kindOf(c))) });

  const coordinateGetter: KeyboardCoordinateGetter = (event, args) => {
    const all = args.context.droppableContainers;
    const activeKind = kindOf(args.context.active);
    const Ctor = all.constructor as new () => typeof all;
    const only = new Ctor();
    for (const [id, c] of all) if (c && sameKind(activeKind, kindOf(c))) only.set(id, c);
    return sortableKeyboardCoordinates(event, { ...args, context: { ...args.context, droppableContainers: only } });
  };
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter }));

  const name = (id: string | number) => {
    const at = locate(id);
    if (!at) return String(id);
    return at.kind === 'group' ? groupName(groups[at.gi], at.gi) : at.kind === 'child' ? childName(groups[at.gi].lessons[at.ci], at.ci) : groupName(groups[at.gi], at.gi);
  };
  const where = (activeId: string | number, overId: string | number) => {
    const from = locate(activeId);
    const to = locate(overId);
    if (!from || !to) return null;
    if (from.kind === 'group') return { position: to.gi + 1, total: groups.length, other: undefined };
    const total = groups[to.gi].lessons.length + (from.gi === to.gi ? 0 : 1);
    return { position: to.ci + 1, total, other: from.gi === to.gi ? undefined : groupName(groups[to.gi], to.gi) };
  };
  const say = (key: 'over' | 'dropped', activeId: string | number, overId: string | number) => {
    const w = where(activeId, overId);
    if (!w) return undefined;
    const params = { name: name(activeId), position: String(w.position), total: String(w.total) };
    if (w.other) return t(key === 'over' ? 'dnd.overIn' : 'dnd.droppedIn', { ...params, group: w.other });
    return t(`dnd.${key}`, params);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      const at = locate(active.id);
      const total = at?.kind === 'group' ? groups.length : at ? groups[at.gi].lessons.length : 0;
      const position = at?.kind === 'group' ? at.gi + 1 : (at?.ci ?? 0) + 1;
      return t('dnd.picked', { name: name(active.id), position: String(position), total: String(total) });
    },
    onDragOver: ({ active, over }) => (over ? say('over', active.id, over.id) : undefined),
    onDragEnd: ({ active, over }) => (over ? say('dropped', active.id, over.id) : undefined),
    onDragCancel: ({ active }) => t('dnd.cancelled', { name: name(active.id) }),
  };

  const onDragStart = ({ active }: DragStartEvent) => setDraggingChild(kindOf(active) === 'child');
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDraggingChild(false);
    if (!over || active.id === over.id) return;
    const from = locate(active.id);
    const to = locate(over.id);
    if (!from || !to) return;
    if (from.kind === 'group' && to.kind === 'group') {
      onMoveGroup(from.gi, to.gi);
      return;
    }
    if (from.kind !== 'child') return;
    const target = groups[to.gi];
    if (to.kind === 'zone') onMoveChild(String(active.id), target.key, undefined);
    else if (to.kind === 'child') {
      let index = to.ci;
      if (from.gi !== to.gi) {
        // Into another module: before or after the lesson it was dropped on.
        const dragged = active.rect.current.translated;
        if (dragged && dragged.top + dragged.height / 2 > over.rect.top + over.rect.height / 2) index += 1;
      }
      onMoveChild(String(active.id), target.key, index);
    }
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDraggingChild(false)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
    >
      <SortableContext items={groups.map((g) => g.key)} strategy={verticalListSortingStrategy} disabled={disabled}>
        {groups.map((group, gi) => (
          <SortableItem key={group.key} id={group.key} disabled={disabled} data={{ kind: 'group' }}>
            {(handleProps) =>
              renderGroup(
                group,
                gi,
                sortableControls(labels, { disabled, name: groupName(group, gi), index: gi, total: groups.length, handleProps, onMove: onMoveGroup }),
                <SortableContext items={group.lessons.map((c) => c.key)} strategy={verticalListSortingStrategy} disabled={disabled}>
                  {group.lessons.map((child, ci) => (
                    <SortableItem key={child.key} id={child.key} disabled={disabled} data={{ kind: 'child' }}>
                      {(childHandle) =>
                        renderChild(
                          child,
                          ci,
                          group,
                          gi,
                          sortableControls(labels, {
                            disabled,
                            name: childName(child, ci),
                            index: ci,
                            total: group.lessons.length,
                            handleProps: childHandle,
                            onMove: (from, to) => onMoveChild(group.lessons[from].key, group.key, to),
                          }),
                        )
                      }
                    </SortableItem>
                  ))}
                  {group.lessons.length === 0 && !disabled && <DropZone id={`zone:${group.key}`} label={emptyLabel} visible={draggingChild} />}
                </SortableContext>,
              )
            }
          </SortableItem>
        ))}
      </SortableContext>
    </DndContext>
  );
}

function DropZone({ id, label, visible }: { id: string; label: string; visible: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id, data: { kind: 'zone' } });
  return (
    <div
      ref={setNodeRef}
      style={{
        minHeight: visible ? 40 : 8,
        borderRadius: 6,
        border: visible ? `2px dashed var(--mantine-color-${isOver ? 'cakap-6' : 'gray-4'})` : undefined,
        display: 'flex',
        alignItems: 'center',
        padding: visible ? '0 0.5rem' : 0,
      }}
    >
      {visible && (
        <Text size="sm" c="dimmed">
          {label}
        </Text>
      )}
    </div>
  );
}
