import { useState } from 'react';
import { ActionIcon, Box, Button, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CompetencyNode } from '@cakap/contracts';
import { CompetencyKindBadge } from './badges';
import { branchIds } from './treeView';
import classes from './competencies.module.css';

interface Props {
  nodes: CompetencyNode[];
  /** Names the tree for screen readers. */
  label: string;
  onAddChild: (parent: CompetencyNode) => void;
  onEdit: (node: CompetencyNode) => void;
  onDelete: (node: CompetencyNode) => void;
}

/**
 * The framework's competencies as nested lists. Each branch has a disclosure button
 * (aria-expanded) and every action is a labelled button, so the whole tree works with Tab,
 * Enter and Space and reads as nested lists to a screen reader.
 */
export function CompetencyTree({ nodes, label, onAddChild, onEdit, onDelete }: Props) {
  const { t } = useTranslation();
  // Open by default: a dictionary is short enough to read whole; collapse is for deep technical trees.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const branches = branchIds(nodes);
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderNodes = (list: CompetencyNode[], id?: string) => (
    <ul className={classes.tree} id={id} aria-label={id ? undefined : label}>
      {list.map((node) => {
        const open = !collapsed.has(node.id);
        const childrenId = `competency-children-${node.id}`;
        return (
          <li key={node.id}>
            <Group gap="xs" wrap="nowrap" className={classes.treeRow} align="flex-start">
              {node.children.length > 0 ? (
                <ActionIcon
                  variant="subtle"
                  aria-expanded={open}
                  aria-controls={childrenId}
                  aria-label={t(open ? 'competencyAdmin.tree.collapse' : 'competencyAdmin.tree.expand', { name: node.name })}
                  onClick={() => toggle(node.id)}
                >
                  {open ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
                </ActionIcon>
              ) : (
                <Box w={28} aria-hidden />
              )}
              <Box style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={700} ff="monospace" size="sm">
                    {node.code}
                  </Text>
                  <Text fw={500} size="sm">
                    {node.name}
                  </Text>
                  <CompetencyKindBadge kind={node.kind} />
                </Group>
                <Text size="xs" c="dimmed">
                  {node.levels.length > 0 ? t('competencyAdmin.tree.levels', { count: node.levels.length }) : t('competencyAdmin.tree.group')}
                </Text>
              </Box>
              <Group gap={4} wrap="nowrap">
                <ActionIcon variant="subtle" aria-label={t('competencyAdmin.tree.addChild', { name: node.name })} onClick={() => onAddChild(node)}>
                  <IconPlus size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" aria-label={t('competencyAdmin.tree.edit', { name: node.name })} onClick={() => onEdit(node)}>
                  <IconPencil size={18} aria-hidden />
                </ActionIcon>
                <ActionIcon variant="subtle" color="red.9" aria-label={t('competencyAdmin.tree.delete', { name: node.name })} onClick={() => onDelete(node)}>
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            </Group>
            {node.children.length > 0 && open && renderNodes(node.children, childrenId)}
          </li>
        );
      })}
    </ul>
  );

  return (
    <>
      {branches.length > 0 && (
        <Group gap="xs" mb="xs">
          <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
            {t('competencyAdmin.tree.expandAll')}
          </Button>
          <Button size="xs" variant="subtle" onClick={() => setCollapsed(new Set(branches))}>
            {t('competencyAdmin.tree.collapseAll')}
          </Button>
        </Group>
      )}
      {renderNodes(nodes)}
    </>
  );
}
