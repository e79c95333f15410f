import { Injectable } from '@nestjs/common';
import { gapOf, jobPersonMatch } from '@cakap/competencies';
import type { GapListItem, GapListQuery, Heatmap, HeatmapQuery, Page } from '@cakap/contracts';
import { AppError } from '../common/app-error';
import { CompetencyReportsRepository, type GapRow, type GapScope } from './competency-reports.repository';

/** Competency codes in natural order: M.2 before M.10. */
const byCode = (a: string, b: string) => a.localeCompare(b, 'id', { numeric: true });

/**
 * The admin's competency reports (issue 6): the unit x competency heat map, which shows where
 * a standard is met and where it is not, and the list of the largest individual gaps, the input
 * of the yearly development plan (PP 11/2017 arts. 205–207).
 */
@Injectable()
export class CompetencyReportsService {
  constructor(private readonly repo: CompetencyReportsRepository) {}

  /** The unit a report is scoped to (null: the whole organisation); 404 when it does not exist. */
  async scopeUnit(orgUnitId: string | undefined) {
    if (!orgUnitId) return null;
    const unit = await this.repo.orgUnit(orgUnitId);
    if (!unit) throw AppError.notFound();
    return unit;
  }

  async heatmap(query: HeatmapQuery): Promise<Heatmap> {
    return (await this.scopedHeatmap(query)).heatmap;
  }

  /** The heat map with the unit it is scoped to (the export names its file after the unit's code). */
  async scopedHeatmap(query: HeatmapQuery): Promise<{ scope: { id: string; code: string; name: string } | null; heatmap: Heatmap }> {
    const parent = await this.scopeUnit(query.orgUnitId);
    if (query.frameworkId && !(await this.repo.frameworkExists(query.frameworkId))) throw AppError.notFound();
    const parentId = parent?.id ?? null;
    const [units, cells] = await Promise.all([
      this.repo.heatmapUnits(parentId),
      this.repo.heatmapCells(parentId, query.frameworkId ?? null),
    ]);

    // The columns are the competencies somebody in scope is required to have: exactly those of the cells.
    const columns = new Map<string, { id: string; code: string; name: string; frameworkId: string; frameworkName: string }>();
    for (const c of cells) {
      columns.set(c.competency_id, { id: c.competency_id, code: c.code, name: c.name, frameworkId: c.framework_id, frameworkName: c.framework_name });
    }
    const competencies = [...columns.values()]
      .sort((a, b) => a.frameworkName.localeCompare(b.frameworkName, 'id') || a.frameworkId.localeCompare(b.frameworkId) || byCode(a.code, b.code))
      .map(({ id, code, name }) => ({ id, code, name }));

    const heatmap: Heatmap = {
      parent: parent && { id: parent.id, name: parent.name },
      units: units.map((u) => ({ id: u.id, code: u.code, name: u.name, asnCount: u.asn_count, hasChildren: u.has_children })),
      competencies,
      cells: cells.map((c) => ({
        orgUnitId: c.row_id,
        competencyId: c.competency_id,
        required: c.required,
        met: c.met,
        share: c.met / c.required,
      })),
    };
    return { scope: parent, heatmap };
  }

  async gaps(query: GapListQuery): Promise<Page<GapListItem>> {
    await this.scopeUnit(query.orgUnitId);
    const scope: GapScope = { orgUnitId: query.orgUnitId, q: query.q };
    const rows = await this.repo.gapPage(scope, query.pageSize, (query.page - 1) * query.pageSize);
    // Past the last page no row carries the list's size: the first page's first row does.
    const total = rows[0]?.total ?? (query.page > 1 ? ((await this.repo.gapPage(scope, 1, 0))[0]?.total ?? 0) : 0);
    return { items: rows.map(toGapItem), total, page: query.page, pageSize: query.pageSize };
  }

  /** The whole gap list in batches, for the export: never all of it in memory. */
  async *allGaps(scope: GapScope): AsyncGenerator<GapListItem[]> {
    for await (const rows of this.repo.gapBatches(scope)) yield rows.map(toGapItem);
  }
}

/** A person's row: their gaps (biggest first) and Job-Person Match, by the rules of @cakap/competencies. */
function toGapItem(r: GapRow): GapListItem {
  const gaps = r.lines
    .map((l) => ({ ...l, gap: gapOf(l.achieved, l.required) ?? 0 }))
    .filter((g) => g.gap > 0)
    .sort((a, b) => b.gap - a.gap || byCode(a.code, b.code));
  return {
    user: {
      id: r.id,
      nip: r.nip,
      name: r.name,
      position: { id: r.position_id, name: r.position_name, kind: r.position_kind },
      orgUnit: { id: r.org_unit_id, name: r.org_unit_name },
    },
    totalGap: r.total_gap,
    gapCount: r.gap_count,
    match: jobPersonMatch(r.lines),
    gaps,
  };
}
