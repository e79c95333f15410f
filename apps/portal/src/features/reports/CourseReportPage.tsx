import type { ReactNode } from 'react';
import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_DIMENSIONS, type CourseReport } from '@cakap/contracts';
import { reportPaths, useCourseReport } from '../../api/reports';
import { BackLink } from '../../components/BackLink';
import { PageHeader } from '../../components/PageHeader';
import { Stat } from '../../components/Stat';
import { useLang } from '../../i18n/useLang';
import { ChartFigure } from './ChartFigure';
import { CourseLearnersTable } from './CourseLearnersTable';
import { formatCount, formatDecimal, formatMonth, formatPercent, formatSigned, gainLevel } from './format';
import { CountColumns, DimensionChart } from './lazyCharts';
import { ReportDownloads, slug } from './ReportDownloads';
import { ReportTable } from './ReportTable';
import { ReportView } from './ReportView';

/**
 * One course's report: /admin/laporan/kursus/:id for admins, /studio/courses/:id/laporan for its
 * authors (the api lets both read it; the back link follows where the user came from).
 */
export function CourseReportPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const inStudio = useLocation().pathname.startsWith('/studio/');
  const query = useCourseReport(id);
  const report = query.data?.ready ? query.data.report : undefined;
  return (
    <>
      <PageHeader
        before={inStudio ? <BackLink to={`/studio/courses/${id}`}>{t('reports.backToEditor')}</BackLink> : <BackLink to="/admin/laporan">{t('reports.back')}</BackLink>}
        title={report ? t('reports.course.titleOf', { title: report.courseTitle }) : t('reports.course.title')}
        actions={<ReportDownloads path={reportPaths.course(id ?? '')} fileName={`laporan-kursus-${slug(report?.courseTitle ?? id ?? '')}`} />}
      />
      <ReportView query={query}>{(r) => <CourseReportBody report={r} />}</ReportView>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function CourseReportBody({ report }: { report: CourseReport }) {
  const { t } = useTranslation();
  const lang = useLang();
  const score = (v: number | null) => formatPercent(v === null ? null : v / 100, lang);
  const count = (v: number) => formatCount(v, lang);
  const gain = report.prePostGain;
  const level = gainLevel(gain.normalisedGain);
  const satisfaction = report.satisfaction;
  const monthly = report.monthly.map((m) => ({ ...m, label: formatMonth(m.month, lang) }));

  return (
    <Stack gap="lg">
      <section aria-labelledby="course-headline">
        <Title order={2} fz="h4" id="course-headline" mb="sm">
          {t('reports.course.headline')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="course-headline">
          <Stat label={t('reports.course.enrolled')} value={count(report.enrolled)} />
          <Stat label={t('reports.course.active')} value={count(report.active)} />
          <Stat label={t('reports.course.completed')} value={count(report.completed)} />
          <Stat label={t('reports.course.completionRate')} value={formatPercent(report.completionRate, lang)} />
          <Stat
            label={t('reports.course.medianDays')}
            value={report.medianDaysToComplete === null ? formatDecimal(null, lang) : t('reports.course.days', { value: formatDecimal(report.medianDaysToComplete, lang) })}
          />
          <Stat label={t('reports.course.averageScore')} value={score(report.averageScore)} />
        </SimpleGrid>
      </section>

      {monthly.length ? (
        <ChartFigure
          order={2}
          title={t('reports.course.monthlyTitle')}
          description={t('reports.course.monthlyIntro')}
          chart={
            <CountColumns
              data={monthly}
              dataKey="label"
              series={[
                { name: 'enrolled', label: t('reports.course.enrolled') },
                { name: 'completed', label: t('reports.course.completed') },
              ]}
              format={count}
            />
          }
          table={
            <ReportTable
              label={t('reports.course.monthlyTitle')}
              testId="course-monthly"
              minWidth={320}
              columns={[t('reports.course.month'), t('reports.course.enrolled'), t('reports.course.completed')]}
              rows={monthly.map((m) => ({ key: m.month, header: m.label, cells: [count(m.enrolled), count(m.completed)] }))}
            />
          }
        />
      ) : (
        <Section id="course-monthly" title={t('reports.course.monthlyTitle')}>
          <Text size="sm">{t('reports.course.monthlyEmpty')}</Text>
        </Section>
      )}

      <Section id="course-level2" title={t('reports.course.level2Title')}>
        {gain.learners === 0 ? (
          <Text size="sm">{t('reports.course.level2Empty')}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" data-testid="course-level2">
              <Stat label={t('reports.course.level2Learners')} value={count(gain.learners)} />
              <Stat label={t('reports.course.averagePre')} value={score(gain.averagePre)} />
              <Stat label={t('reports.course.averagePost')} value={score(gain.averagePost)} />
              <Stat
                label={t('reports.course.averageGain')}
                value={gain.averageGain === null ? formatDecimal(null, lang) : t('reports.points', { value: formatSigned(gain.averageGain, lang) })}
              />
              <Stat label={t('reports.course.normalisedGain')} value={formatDecimal(gain.normalisedGain, lang, 2)} />
            </SimpleGrid>
            {level && (
              <Text size="sm" fw={600} data-testid="gain-band">
                {t('reports.course.gainBand', { level: t(`reports.course.gainLevel.${level}`) })}
              </Text>
            )}
          </>
        )}
        <Text size="sm" c="dimmed">
          {t('reports.course.gainExplained')}
        </Text>
      </Section>

      <CourseLearnersTable courseId={report.courseId} courseTitle={report.courseTitle} />

      <Section id="course-level1" title={t('reports.course.level1Title')}>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Stat label={t('reports.course.responses')} value={count(satisfaction.responseCount)} />
          <Stat
            label={t('reports.course.overallMean')}
            value={satisfaction.mean === null ? formatDecimal(null, lang) : t('reports.outOf5', { value: formatDecimal(satisfaction.mean, lang) })}
          />
        </SimpleGrid>
        {satisfaction.mean === null ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="satisfaction-hidden">
            <Text size="sm">{t('reports.notShown', { min: count(satisfaction.minimumResponses), count: count(satisfaction.responseCount) })}</Text>
          </Alert>
        ) : (
          <ChartFigure
            title={t('reports.course.level1Chart')}
            chartHeight={satisfaction.dimensions.length * 40 + 40}
            chart={
              <DimensionChart
                bars={satisfaction.dimensions
                  .filter((d) => d.mean !== null)
                  .map((d) => ({ label: t(`surveyEditor.dimensions.${d.dimension}`), mean: Math.round(d.mean! * 100) / 100 }))}
              />
            }
            table={
              <ReportTable
                label={t('reports.course.level1Chart')}
                testId="course-satisfaction"
                minWidth={320}
                columns={[t('reports.course.dimension'), t('reports.course.mean'), t('reports.course.answered')]}
                rows={satisfaction.dimensions.map((d) => ({
                  key: d.dimension,
                  header: t(`surveyEditor.dimensions.${d.dimension}`),
                  cells: [formatDecimal(d.mean, lang), count(d.answered)],
                }))}
              />
            }
          />
        )}
      </Section>

      <Section id="course-level3" title={t('reports.course.level3Title')}>
        <Text size="sm" c="dimmed">
          {t('reports.course.level3Intro')}
        </Text>
        <FollowUpTable followUp={report.followUp} />
      </Section>
    </Stack>
  );
}

/** Level 3 side by side for the learner and the superior: one row per measure. */
function FollowUpTable({ followUp }: { followUp: CourseReport['followUp'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const roles = [followUp.learner, followUp.superior];
  const mean = (v: number | null) => (v === null ? formatDecimal(null, lang) : t('reports.outOf5', { value: formatDecimal(v, lang) }));
  return (
    <ReportTable
      label={t('reports.course.level3Title')}
      testId="course-follow-up"
      minWidth={420}
      columns={[t('reports.course.measure'), t('reports.course.learner'), t('reports.course.superior')]}
      rows={[
        { key: 'sent', header: t('reports.course.sent'), cells: roles.map((r) => formatCount(r.sent, lang)) },
        { key: 'answered', header: t('reports.course.answeredFollowUps'), cells: roles.map((r) => formatCount(r.answered, lang)) },
        { key: 'rate', header: t('reports.course.responseRate'), cells: roles.map((r) => formatPercent(r.responseRate, lang)) },
        { key: 'mean', header: t('reports.course.overallMean'), cells: roles.map((r) => mean(r.mean)) },
        ...FOLLOW_UP_DIMENSIONS.map((d) => ({
          key: d,
          header: t(`reports.followUpDimensions.${d}`),
          cells: roles.map((r) => mean(r.dimensions.find((x) => x.dimension === d)?.mean ?? null)),
        })),
      ]}
    />
  );
}
