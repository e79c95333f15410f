import { Anchor, Group, List, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProgrammeReport } from '@cakap/contracts';
import { reportPaths, useProgrammeReport } from '../../api/reports';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { Stat } from '../../components/Stat';
import { useListParams } from '../../hooks/useListParams';
import { currentYear, formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { aspectLabel, aspectValue } from './aspects';
import { ChartFigure } from './ChartFigure';
import { formatCount, formatDecimal, formatPercent } from './format';
import { CountColumns, ShareBars, TrendLine } from './lazyCharts';
import { currentPeriod, parsePeriod, PERIOD_PARTS, recentYears } from './periods';
import { ReportDownloads } from './ReportDownloads';
import { ReportTable } from './ReportTable';
import { ReportView } from './ReportView';

/** "2026-Q4" → "Kuartal IV 2026" / "Q4 2026". */
export function periodName(key: string, t: TFunction): string {
  const p = parsePeriod(key);
  return p ? t(`reports.periodShort.${p.part}`, { year: String(p.year) }) : key;
}

/** /admin/laporan/program?period=2026-Q4: the programme in one quarter or semester. */
export function ProgrammeReportPage() {
  const { t } = useTranslation();
  const { params, update } = useListParams();
  const fallback = currentPeriod();
  const period = parsePeriod(params.get('period')) ? params.get('period')! : fallback;
  const { year, part } = parsePeriod(period)!;
  const query = useProgrammeReport(period);
  const years = recentYears(currentYear());
  if (!years.includes(year)) years.push(year);
  // A new period starts the courses table over (its search and page belonged to the old one).
  const choose = (y: number, p: string) => update({ period: `${y}-${p}`, q: undefined, page: undefined });

  return (
    <>
      <PageHeader
        before={<BackLink to="/admin/laporan">{t('reports.back')}</BackLink>}
        title={t('reports.programme.title', { period: periodName(period, t) })}
        actions={<ReportDownloads path={reportPaths.programme} query={{ period }} fileName={`laporan-program-${period}`} />}
      />
      <Stack gap="lg">
        <Group align="flex-end" gap="sm">
          <Select
            label={t('reports.periodYear')}
            data={years.map(String)}
            value={String(year)}
            allowDeselect={false}
            onChange={(v) => v && choose(Number(v), part)}
            w={{ base: '100%', xs: 140 }}
          />
          <Select
            label={t('reports.period')}
            data={PERIOD_PARTS.map((p) => ({ value: p, label: t(`reports.periods.${p}`) }))}
            value={part}
            allowDeselect={false}
            onChange={(v) => v && choose(year, v)}
            w={{ base: '100%', xs: 240 }}
          />
        </Group>
        <ReportView query={query}>{(r) => <ProgrammeReportBody report={r} />}</ReportView>
      </Stack>
    </>
  );
}

const PAGE_SIZE = 20;
const needle = (s: string) => s.toLocaleLowerCase('id');

export function ProgrammeReportBody({ report }: { report: ProgrammeReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const count = (v: number) => formatCount(v, lang);
  const percent = (v: number | null) => formatPercent(v, lang);
  const mean = (v: number | null) => (v === null ? formatDecimal(null, lang) : t('reports.outOf5', { value: formatDecimal(v, lang) }));
  const trend = report.trend.map((p) => {
    const parsed = parsePeriod(p.period);
    // Short axis labels ("Q4 2026") fit six periods on a phone; the table has the full names.
    return { ...p, axis: parsed ? `${parsed.part} ${parsed.year}` : p.period, name: periodName(p.period, t) };
  });
  const aspectBars = report.aspects.map((a) => ({ label: aspectLabel(a.key, t), value: a.score }));

  return (
    <Stack gap="lg">
      {/* The period's end is exclusive (midnight WIB after its last day): name the last day. */}
      <Text size="sm">
        {t('reports.programme.intro', { start: formatDate(report.period.start, lang), end: formatDate(new Date(Date.parse(report.period.end) - 1), lang) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" data-testid="programme-headline">
        <Stat label={t('reports.programme.enrolled')} value={count(report.enrolled)} />
        <Stat label={t('reports.programme.completed')} value={count(report.completed)} />
        <Stat label={t('reports.programme.completionRate')} value={percent(report.completionRate)} />
        <Stat label={t('reports.programme.activeLearners')} value={count(report.activeLearners)} />
        <Stat label={t('reports.programme.totalJp')} value={formatDecimal(report.totalJp, lang)} />
        <Stat label={t('reports.programme.satisfaction')} value={mean(report.satisfaction.mean)} />
        <Stat label={t('reports.programme.normalisedGain')} value={formatDecimal(report.prePostGain.normalisedGain, lang, 2)} />
      </SimpleGrid>

      {report.aspects.length === 0 ? (
        <Text size="sm">{t('reports.programme.noAspects')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {(['strongest', 'weakest'] as const).map((side) => (
            <Paper key={side} withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby={`aspects-${side}`}>
              <Title order={2} fz="h4" id={`aspects-${side}`} mb="xs">
                {t(`reports.programme.${side}`)}
              </Title>
              {report[side].length ? (
                <List spacing="xs" data-testid={`aspects-${side}`}>
                  {report[side].map((a) => (
                    <List.Item key={a.key}>{t('reports.programme.aspectLine', { aspect: aspectLabel(a.key, t), value: aspectValue(a, lang, t) })}</List.Item>
                  ))}
                </List>
              ) : (
                // Too few aspects with enough data to tell the strong from the weak.
                <Text size="sm" c="dimmed">
                  {t('reports.programme.noAspects')}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
      )}

      <section aria-labelledby="programme-trend">
        <Title order={2} fz="h4" id="programme-trend">
          {t('reports.programme.trendTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('reports.programme.trendIntro')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <ChartFigure
            title={t('reports.programme.trendCounts')}
            chart={
              <CountColumns
                data={trend}
                dataKey="axis"
                series={[
                  { name: 'enrolled', label: t('reports.programme.enrolled') },
                  { name: 'completed', label: t('reports.programme.completed') },
                ]}
                format={count}
              />
            }
            table={
              <ReportTable
                label={t('reports.programme.trendCounts')}
                minWidth={320}
                columns={[t('reports.period'), t('reports.programme.enrolled'), t('reports.programme.completed')]}
                rows={trend.map((p) => ({ key: p.period, header: p.name, cells: [count(p.enrolled), count(p.completed)] }))}
              />
            }
          />
          <ChartFigure
            title={t('reports.programme.trendRate')}
            chartHeight={200}
            chart={<TrendLine data={trend} dataKey="axis" series={{ name: 'completionRate', label: t('reports.programme.completionRate') }} domain={[0, 1]} format={(v) => percent(v)} />}
            table={
              <ReportTable
                label={t('reports.programme.trendRate')}
                minWidth={280}
                columns={[t('reports.period'), t('reports.programme.completionRate')]}
                rows={trend.map((p) => ({ key: p.period, header: p.name, cells: [percent(p.completionRate)] }))}
              />
            }
          />
          <ChartFigure
            title={t('reports.programme.trendSatisfaction')}
            chartHeight={200}
            chart={
              <TrendLine
                data={trend}
                dataKey="axis"
                series={{ name: 'satisfaction', label: t('reports.programme.satisfaction') }}
                domain={[1, 5]}
                format={(v) => formatDecimal(v, lang)}
              />
            }
            table={
              <ReportTable
                label={t('reports.programme.trendSatisfaction')}
                minWidth={280}
                columns={[t('reports.period'), t('reports.programme.satisfaction')]}
                rows={trend.map((p) => ({ key: p.period, header: p.name, cells: [mean(p.satisfaction)] }))}
              />
            }
          />
          <ChartFigure
            title={t('reports.programme.trendGain')}
            chartHeight={200}
            chart={
              <TrendLine
                data={trend}
                dataKey="axis"
                series={{ name: 'normalisedGain', label: t('reports.programme.normalisedGain') }}
                domain={[0, 1]}
                format={(v) => formatDecimal(v, lang, 2)}
              />
            }
            table={
              <ReportTable
                label={t('reports.programme.trendGain')}
                minWidth={280}
                columns={[t('reports.period'), t('reports.programme.normalisedGain')]}
                rows={trend.map((p) => ({ key: p.period, header: p.name, cells: [formatDecimal(p.normalisedGain, lang, 2)] }))}
              />
            }
          />
        </SimpleGrid>
      </section>

      {report.aspects.length > 0 && (
        <ChartFigure
          order={2}
          title={t('reports.programme.aspectsTitle')}
          description={t('reports.programme.aspectsIntro')}
          chartHeight={aspectBars.length * 36 + 40}
          chart={<ShareBars data={aspectBars} label={t('reports.programme.score')} format={percent} />}
          table={
            <ReportTable
              label={t('reports.programme.aspectsTitle')}
              testId="programme-aspects"
              minWidth={520}
              columns={[t('reports.programme.aspect'), t('reports.programme.kind'), t('reports.programme.value'), t('reports.programme.score')]}
              rows={report.aspects.map((a) => ({
                key: a.key,
                header: aspectLabel(a.key, t),
                cells: [t(`reports.programme.kinds.${a.kind}`), aspectValue(a, lang, t), percent(a.score)],
              }))}
            />
          }
        />
      )}

      <CoursesTable courses={report.courses} />
    </Stack>
  );
}

/** The period's courses, searchable and paged in the URL (there may be many). */
function CoursesTable({ courses }: { courses: ProgrammeReport['courses'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { q, page, update } = useListParams();
  const shown = q ? courses.filter((c) => needle(c.title).includes(needle(q))) : courses;
  const current = Math.min(page, Math.max(1, Math.ceil(shown.length / PAGE_SIZE)));
  const rows = shown.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="programme-courses">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="programme-courses">
          {t('reports.programme.coursesTitle')}
        </Title>
        {courses.length === 0 ? (
          <Text size="sm">{t('reports.programme.coursesEmpty')}</Text>
        ) : (
          <>
            <Group>
              <SearchField label={t('reports.programme.coursesSearch')} value={q} onChange={(v) => update({ q: v || undefined, page: undefined })} />
            </Group>
            {rows.length === 0 ? (
              <Text size="sm">{t('reports.programme.coursesNoMatch')}</Text>
            ) : (
              <ReportTable
                label={t('reports.programme.coursesTitle')}
                testId="programme-courses"
                minWidth={720}
                columns={[
                  t('reports.programme.courseColumn'),
                  t('reports.programme.enrolled'),
                  t('reports.programme.completed'),
                  t('reports.programme.completionRate'),
                  t('reports.programme.satisfaction'),
                  t('reports.programme.normalisedGain'),
                ]}
                rows={rows.map((c) => ({
                  key: c.courseId,
                  header: (
                    <Anchor component={Link} to={`/admin/laporan/kursus/${c.courseId}`} size="sm">
                      {c.title}
                    </Anchor>
                  ),
                  cells: [
                    formatCount(c.enrolled, lang),
                    formatCount(c.completed, lang),
                    formatPercent(c.completionRate, lang),
                    formatDecimal(c.satisfaction, lang),
                    formatDecimal(c.normalisedGain, lang, 2),
                  ],
                }))}
              />
            )}
            <Pager page={current} pageSize={PAGE_SIZE} total={shown.length} onChange={(p) => update({ page: p > 1 ? String(p) : undefined })} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
