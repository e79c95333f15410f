import { Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgUnitReport } from '@cakap/contracts';
import { useOrgUnit } from '../../api/org-units';
import { reportPaths, useOrgUnitReport } from '../../api/reports';
import { BackLink } from '../../components/BackLink';
import { OrgUnitSelect } from '../../components/OrgUnitSelect';
import { PageHeader } from '../../components/PageHeader';
import { SearchField } from '../../components/SearchField';
import { Stat } from '../../components/Stat';
import { useListParams } from '../../hooks/useListParams';
import { currentYear } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { ChartFigure } from './ChartFigure';
import { formatCount, formatDecimal, formatPercent } from './format';
import { ShareBars } from './lazyCharts';
import { recentYears } from './periods';
import { ReportDownloads } from './ReportDownloads';
import { ReportTable } from './ReportTable';
import { ReportView } from './ReportView';
import { chartRows, filterTree, treeOrder } from './tree';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** /admin/laporan/unit?year=&unitId=: the year's figures per unit (each with its sub-units). */
export function OrgUnitReportPage() {
  const { t } = useTranslation();
  const { params, update } = useListParams();
  const thisYear = currentYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  // A hand-edited URL with a broken id falls back to every unit rather than a 400.
  const unitParam = params.get('unitId');
  const unitId = unitParam && UUID.test(unitParam) ? unitParam : undefined;
  const unit = useOrgUnit(unitId);
  const query = useOrgUnitReport(year, unitId);
  const years = recentYears(thisYear);
  if (!years.includes(year)) years.push(year);

  return (
    <>
      <PageHeader
        before={<BackLink to="/admin/laporan">{t('reports.back')}</BackLink>}
        title={t('reports.unit.title', { year: String(year) })}
        description={t('reports.unit.intro')}
        actions={<ReportDownloads path={reportPaths.orgUnits} query={{ year, unitId }} fileName={`laporan-unit-${year}`} />}
      />
      <Stack gap="lg">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('reports.year')}
            data={years.map(String)}
            value={String(year)}
            allowDeselect={false}
            onChange={(v) => update({ year: v ?? undefined })}
            w={{ base: '100%', xs: 140 }}
          />
          <OrgUnitSelect
            label={t('reports.unitFilter')}
            placeholder={t('reports.unitPlaceholder')}
            value={unitId ?? null}
            selected={unit.data ?? null}
            onChange={(id) => update({ unitId: id ?? undefined })}
            w={{ base: '100%', xs: 360 }}
          />
        </Group>
        <ReportView query={query}>{(r) => <OrgUnitReportBody report={r} />}</ReportView>
      </Stack>
    </>
  );
}

export function OrgUnitReportBody({ report }: { report: OrgUnitReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { q, update } = useListParams();
  const count = (v: number) => formatCount(v, lang);
  const percent = (v: number | null) => formatPercent(v, lang);
  const ordered = treeOrder(report.units);
  // A unit without ASN has no share: no bar (a bar at 0 would claim nobody reached 20 JP); the table says "—".
  const bars = chartRows(ordered).flatMap((u) => (u.reached20JpShare === null ? [] : [{ label: u.name, value: u.reached20JpShare }]));
  const total = report.total;
  const shown = filterTree(ordered, q);
  const figures = (r: OrgUnitReport['total']) => [
    count(r.asnCount),
    count(r.reached20Jp),
    percent(r.reached20JpShare),
    formatDecimal(r.averageJp, lang),
    count(r.completions),
    count(r.standardMet),
    percent(r.standardMetShare),
  ];
  const columns = [
    t('reports.unit.unitColumn'),
    t('reports.unit.asnCount'),
    t('reports.unit.reached20Jp'),
    t('reports.unit.reached20JpShare'),
    t('reports.unit.averageJp'),
    t('reports.unit.completions'),
    t('reports.unit.standardMet'),
    t('reports.unit.standardMetShare'),
  ];

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" data-testid="unit-total">
        <Stat label={t('reports.unit.asnCount')} value={count(total.asnCount)} />
        <Stat label={t('reports.unit.reached20JpShare')} value={percent(total.reached20JpShare)} />
        <Stat label={t('reports.unit.averageJp')} value={formatDecimal(total.averageJp, lang)} />
        <Stat label={t('reports.unit.completions')} value={count(total.completions)} />
        <Stat label={t('reports.unit.standardMetShare')} value={percent(total.standardMetShare)} />
      </SimpleGrid>
      {ordered.length === 0 ? (
        <Text size="sm">{t('reports.unit.empty')}</Text>
      ) : (
        <>
          <ChartFigure
            order={2}
            title={t('reports.unit.chartTitle')}
            description={t('reports.unit.chartIntro')}
            chartHeight={bars.length * 36 + 40}
            chart={<ShareBars data={bars} label={t('reports.unit.reached20JpShare')} format={percent} />}
            table={
              <ReportTable
                label={t('reports.unit.chartTitle')}
                minWidth={320}
                columns={[t('reports.unit.unitColumn'), t('reports.unit.asnCount'), t('reports.unit.reached20JpShare')]}
                rows={chartRows(ordered).map((u) => ({ key: u.unitId, header: u.name, cells: [count(u.asnCount), percent(u.reached20JpShare)] }))}
              />
            }
          />
          <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="unit-table-title">
            <Title order={2} fz="h4" id="unit-table-title" mb="sm">
              {t('reports.unit.tableCaption', { year: String(report.year) })}
            </Title>
            <Group mb="sm">
              <SearchField label={t('reports.unit.search')} value={q} onChange={(v) => update({ q: v || undefined })} />
            </Group>
            {shown.length === 0 && (
              <Text size="sm" mb="sm">
                {t('reports.unit.noMatch')}
              </Text>
            )}
            <ReportTable
              label={t('reports.unit.tableCaption', { year: String(report.year) })}
              testId="unit-table"
              minWidth={860}
              columns={columns}
              rows={shown.map(({ row, level }) => ({
                key: row.unitId,
                // Indentation shows the tree; the level in words says it to a screen reader.
                header: (
                  <span style={{ display: 'inline-block', paddingInlineStart: `${level * 1.25}rem` }}>
                    {row.name}
                    {level > 0 && <span className="visually-hidden">{` (${t('reports.unit.level', { depth: String(level + 1) })})`}</span>}
                  </span>
                ),
                cells: figures(row),
              }))}
              // Filtered or not, the total is the whole scope's (each ASN once), not a sum of the rows shown.
              footer={{ header: q ? t('reports.unit.totalScope') : t('reports.unit.total'), cells: figures(total) }}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
