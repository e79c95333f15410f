import { t, type GapListItem, type Heatmap, type Lang } from '@cakap/contracts';
import { jakartaDate } from '@cakap/courses';
import type { ReportColumn, ReportSheet } from './report-export';

/**
 * The competency reports as sheets for `sendReport`, with headers in the request's language.
 * File names are Indonesian (`peta-kompetensi-<unit>-<date>`), as the agencies file them.
 */

type HeatmapUnit = Heatmap['units'][number];
type HeatmapCell = Heatmap['cells'][number];
interface DetailRow {
  unit: HeatmapUnit;
  competency: Heatmap['competencies'][number];
  cell: HeatmapCell;
}

/** `<prefix>-<unit code>-<date in WIB>`, safe as a file name; the whole organisation is `semua`. */
export function reportFileName(prefix: string, unit: { code: string } | null, now = new Date()): string {
  const slug = unit ? unit.code.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') : '';
  return `${prefix}-${slug || 'semua'}-${jakartaDate(now)}`;
}

/**
 * The heat map: one row per unit with each competency's share of ASN meeting it (empty where
 * nobody there is required to have it). XLSX adds a "details" sheet with the counts behind
 * each share, one row per unit and competency, which a pivot table can regroup.
 */
export function heatmapSheets(map: Heatmap, lang: Lang): [ReportSheet<HeatmapUnit>, ReportSheet<DetailRow>] {
  const cells = new Map(map.cells.map((c) => [`${c.orgUnitId}/${c.competencyId}`, c]));
  const summary: ReportColumn<HeatmapUnit>[] = [
    { header: t('competencyReport.unitCode', lang), value: (u) => u.code },
    { header: t('competencyReport.unit', lang), value: (u) => u.name, width: 36 },
    { header: t('competencyReport.asnCount', lang), value: (u) => u.asnCount, format: 'integer' },
    ...map.competencies.map(
      (c): ReportColumn<HeatmapUnit> => ({
        header: `${c.code} ${c.name} (%)`,
        value: (u) => cells.get(`${u.id}/${c.id}`)?.share ?? null,
        format: 'percent',
        width: 14,
      }),
    ),
  ];
  const details = map.units.flatMap((unit) =>
    map.competencies.flatMap((competency) => {
      const cell = cells.get(`${unit.id}/${competency.id}`);
      return cell ? [{ unit, competency, cell }] : [];
    }),
  );
  const detail: ReportColumn<DetailRow>[] = [
    { header: t('competencyReport.unitCode', lang), value: (d) => d.unit.code },
    { header: t('competencyReport.unit', lang), value: (d) => d.unit.name, width: 36 },
    { header: t('competencyReport.competencyCode', lang), value: (d) => d.competency.code },
    { header: t('competencyReport.competency', lang), value: (d) => d.competency.name, width: 30 },
    { header: t('competencyReport.required', lang), value: (d) => d.cell.required, format: 'integer' },
    { header: t('competencyReport.met', lang), value: (d) => d.cell.met, format: 'integer' },
    { header: t('competencyReport.share', lang), value: (d) => d.cell.share, format: 'percent' },
  ];
  return [
    { name: t('competencyReport.heatmapSheet', lang), columns: summary, rows: [map.units] },
    { name: t('competencyReport.detailSheet', lang), columns: detail, rows: [details] },
  ];
}

/** The gap list, one row per ASN, the gaps as "M.5 (1→3)": achieved → required. */
export function gapSheet(rows: AsyncIterable<GapListItem[]>, lang: Lang): ReportSheet<GapListItem> {
  return {
    name: t('competencyReport.gapSheet', lang),
    rows,
    columns: [
      { header: t('competencyReport.nip', lang), value: (g) => g.user.nip, width: 21 },
      { header: t('competencyReport.name', lang), value: (g) => g.user.name, width: 30 },
      { header: t('competencyReport.position', lang), value: (g) => g.user.position?.name ?? null, width: 30 },
      { header: t('competencyReport.unit', lang), value: (g) => g.user.orgUnit.name, width: 30 },
      { header: t('competencyReport.totalGap', lang), value: (g) => g.totalGap, format: 'integer' },
      { header: t('competencyReport.gapCount', lang), value: (g) => g.gapCount, format: 'integer' },
      // Match is a percentage (66.7); the column takes fractions like every share.
      { header: t('competencyReport.match', lang), value: (g) => (g.match === null ? null : g.match / 100), format: 'percent' },
      { header: t('competencyReport.gaps', lang), value: (g) => g.gaps.map((x) => `${x.code} (${x.achieved}→${x.required})`).join(', '), width: 50 },
    ],
  };
}
