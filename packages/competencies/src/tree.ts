import type { CompetencyNode } from '@cakap/contracts';

export type FlatCompetency = Omit<CompetencyNode, 'children'> & { parentId: string | null };

/** Siblings by position, then code in natural order (M.2 before M.10). */
export function compareSiblings(a: { position: number; code: string }, b: { position: number; code: string }): number {
  return a.position - b.position || a.code.localeCompare(b.code, 'id', { numeric: true });
}

/** The framework's flat rows as the tree clients read (DESIGN.md). A row whose parent is missing is a root. */
export function buildTree(rows: readonly FlatCompetency[]): CompetencyNode[] {
  const nodes = new Map<string, CompetencyNode>();
  for (const { parentId: _parentId, ...row } of rows) nodes.set(row.id, { ...row, children: [] });
  const roots: CompetencyNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: CompetencyNode[]) => {
    list.sort(compareSiblings);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Depth-first, parents before children: the order exports write and imports can replay. */
export function flattenTree(nodes: readonly CompetencyNode[], parentId: string | null = null): FlatCompetency[] {
  const out: FlatCompetency[] = [];
  for (const { children, ...node } of nodes) {
    out.push({ ...node, parentId });
    out.push(...flattenTree(children, node.id));
  }
  return out;
}

/**
 * Would making `parentId` the parent of `id` put `id` inside its own subtree? The chain is
 * walked once: an imported file may already hold a circle elsewhere, which must not hang us.
 */
export function wouldCycle(parentOf: ReadonlyMap<string, string | null>, id: string, parentId: string | null): boolean {
  const seen = new Set<string>();
  for (let cur = parentId; cur && !seen.has(cur); cur = parentOf.get(cur) ?? null) {
    if (cur === id) return true;
    seen.add(cur);
  }
  return false;
}
