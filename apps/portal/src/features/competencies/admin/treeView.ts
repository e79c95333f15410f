import type { CompetencyNode } from '@cakap/contracts';

export interface TreeEntry {
  node: CompetencyNode;
  depth: number;
  parentId: string | null;
}

/** Depth-first, parents before children, in the tree's order (the parent picker lists them so). */
export function flattenWithDepth(nodes: readonly CompetencyNode[], depth = 0, parentId: string | null = null): TreeEntry[] {
  return nodes.flatMap((node) => [{ node, depth, parentId }, ...flattenWithDepth(node.children, depth + 1, node.id)]);
}

export function parentIdOf(nodes: readonly CompetencyNode[], id: string): string | null {
  return flattenWithDepth(nodes).find((e) => e.node.id === id)?.parentId ?? null;
}

/** The node and everything under it: none of them can become its parent. */
export function subtreeIds(node: CompetencyNode): Set<string> {
  return new Set(flattenWithDepth([node]).map((e) => e.node.id));
}

/** Nodes that have children (the ones a reader can expand or collapse). */
export function branchIds(nodes: readonly CompetencyNode[]): string[] {
  return flattenWithDepth(nodes)
    .filter((e) => e.node.children.length > 0)
    .map((e) => e.node.id);
}
