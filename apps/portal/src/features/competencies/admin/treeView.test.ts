import { describe, expect, it } from 'vitest';
import type { CompetencyNode } from '@cakap/contracts';
import { branchIds, flattenWithDepth, parentIdOf, subtreeIds } from './treeView';

const node = (id: string, children: CompetencyNode[] = []): CompetencyNode => ({
  id,
  identifier: id,
  code: id.toUpperCase(),
  name: id,
  kind: 'teknis',
  definition: '',
  position: 0,
  levels: [],
  children,
});

const tree = [node('a', [node('a1', [node('a1x')]), node('a2')]), node('b')];

describe('competency tree view', () => {
  it('flattens parents before children with depth and parent', () => {
    expect(flattenWithDepth(tree).map((e) => [e.node.id, e.depth, e.parentId])).toEqual([
      ['a', 0, null],
      ['a1', 1, 'a'],
      ['a1x', 2, 'a1'],
      ['a2', 1, 'a'],
      ['b', 0, null],
    ]);
  });

  it('collects a subtree (a node cannot move under itself or its descendants)', () => {
    expect([...subtreeIds(tree[0].children[0])]).toEqual(['a1', 'a1x']);
  });

  it('finds a parent', () => {
    expect(parentIdOf(tree, 'a1x')).toBe('a1');
    expect(parentIdOf(tree, 'b')).toBeNull();
  });

  it('lists the expandable nodes', () => {
    expect(branchIds(tree)).toEqual(['a', 'a1']);
  });
});
