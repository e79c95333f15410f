import type { OrgUnitReportRow } from '@cakap/contracts';

/**
 * The unit report's rows in tree order (each unit followed by its sub-units, siblings by name),
 * whatever order they came in. A row whose parent is not in the report (the top of a filtered
 * scope) starts a tree; `level` is the indentation from there.
 */
export function treeOrder(rows: readonly OrgUnitReportRow[]): { row: OrgUnitReportRow; level: number }[] {
  const ids = new Set(rows.map((r) => r.unitId));
  const children = new Map<string | null, OrgUnitReportRow[]>();
  for (const r of rows) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const byName = (a: OrgUnitReportRow, b: OrgUnitReportRow) => a.name.localeCompare(b.name, 'id') || a.code.localeCompare(b.code);
  const out: { row: OrgUnitReportRow; level: number }[] = [];
  const walk = (parent: string | null, level: number) => {
    for (const r of [...(children.get(parent) ?? [])].sort(byName)) {
      out.push({ row: r, level });
      walk(r.unitId, level + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The rows the chart shows (the tops of the scope and their direct sub-units): a bar per unit of hundreds would be unreadable. */
export function chartRows(ordered: readonly { row: OrgUnitReportRow; level: number }[]): OrgUnitReportRow[] {
  return ordered.filter((o) => o.level <= 1).map((o) => o.row);
}

/**
 * The rows whose name or code contains `q` (case-insensitive), each with its ancestors kept
 * so the tree still reads; every row when `q` is empty.
 */
export function filterTree<T extends { row: OrgUnitReportRow }>(ordered: readonly T[], q: string): T[] {
  const needle = q.trim().toLocaleLowerCase('id');
  if (!needle) return [...ordered];
  const byId = new Map(ordered.map((o) => [o.row.unitId, o.row]));
  const keep = new Set<string>();
  for (const { row } of ordered) {
    if (!`${row.name} ${row.code}`.toLocaleLowerCase('id').includes(needle)) continue;
    for (let r: OrgUnitReportRow | undefined = row; r && !keep.has(r.unitId); r = r.parentId ? byId.get(r.parentId) : undefined) keep.add(r.unitId);
  }
  return ordered.filter((o) => keep.has(o.row.unitId));
}
