import { lazy, Suspense } from 'react';
import { Alert, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSurveySummary } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Stat } from '../../components/Stat';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CommentList, DimensionMeansTable, formatMean } from './SummaryParts';

const DimensionChart = lazy(async () => ({ default: (await import('./DimensionChart')).DimensionChart }));

/**
 * The anonymous summary of a course's survey for its authors: figures appear only from the
 * server's minimum number of responses (no single answer can be told apart below it).
 */
export function SurveySummaryView({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const summary = useSurveySummary(courseId);
  if (summary.isPending) return <Skeleton h={160} />;
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = summary.data;
  const shown = data.responseCount >= data.minimumResponses;
  const dimensions = data.dimensions.filter((d) => d.mean !== null);
  const comments = data.questions.filter((q) => q.type === 'text');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="survey-summary">
      <Stack>
        <Title order={2} fz="h4" id="survey-summary">
          {t('surveySummary.title')}
        </Title>
        <Stat label={t('surveySummary.responses')} value={formatNumber(data.responseCount, lang)} />
        {!shown ? (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />} data-testid="survey-minimum-note">
            {t('surveySummary.minimumNote', { min: String(data.minimumResponses) })}
          </Alert>
        ) : (
          <>
            <Title order={3} fz="h5">
              {t('surveySummary.chartTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('surveySummary.chartSummary')}
            </Text>
            {dimensions.length ? (
              <Suspense fallback={<Skeleton h={dimensions.length * 40 + 40} />}>
                <DimensionChart
                  bars={dimensions.map((d) => ({ label: t(`surveyEditor.dimensions.${d.dimension}`), mean: Math.round((d.mean ?? 0) * 100) / 100 }))}
                />
              </Suspense>
            ) : null}
            <DimensionMeansTable
              testId="survey-dimensions"
              rows={data.dimensions.map((d) => ({ key: d.dimension, label: t(`surveyEditor.dimensions.${d.dimension}`), mean: d.mean, answered: d.answered }))}
            />
            <Title order={3} fz="h5">
              {t('surveySummary.questionsTitle')}
            </Title>
            <Table.ScrollContainer minWidth={320}>
              <Table data-testid="survey-questions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('surveyEditor.text')}</Table.Th>
                    <Table.Th scope="col">{t('surveySummary.mean')}</Table.Th>
                    <Table.Th scope="col">{t('surveySummary.distribution')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.questions
                    .filter((q) => q.type === 'likert')
                    .map((q) => (
                      <Table.Tr key={q.id}>
                        <Table.Th scope="row" fw={400}>
                          {q.text}
                        </Table.Th>
                        <Table.Td>{formatMean(q.mean, lang)}</Table.Td>
                        <Table.Td>
                          {(q.distribution ?? [])
                            .map((count, i) => t('surveySummary.distributionItem', { score: String(i + 1), count: formatNumber(count, lang) }))
                            .join(' · ')}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {comments.map((q) => (
              <CommentList key={q.id} question={q.text} comments={q.comments} />
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
