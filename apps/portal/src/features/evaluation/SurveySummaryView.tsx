import { lazy, Suspense } from 'react';
import { Alert, List, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSurveySummary } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Stat } from '../../components/Stat';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

const DimensionChart = lazy(async () => ({ default: (await import('./DimensionChart')).DimensionChart }));

/** A mean with one decimal, in the UI language's notation ("4,3" in Indonesian). */
function formatMean(mean: number | null, lang: 'id' | 'en'): string {
  return mean === null ? '–' : formatNumber(Math.round(mean * 10) / 10, lang);
}

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
            <Table.ScrollContainer minWidth={320}>
              <Table data-testid="survey-dimensions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('surveySummary.dimension')}</Table.Th>
                    <Table.Th scope="col">{t('surveySummary.mean')}</Table.Th>
                    <Table.Th scope="col">{t('surveySummary.answered')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.dimensions.map((d) => (
                    <Table.Tr key={d.dimension}>
                      <Table.Th scope="row" fw={400}>
                        {t(`surveyEditor.dimensions.${d.dimension}`)}
                      </Table.Th>
                      <Table.Td>{formatMean(d.mean, lang)}</Table.Td>
                      <Table.Td>{formatNumber(d.answered, lang)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
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
              <Stack key={q.id} gap="xs">
                <Title order={3} fz="h5">
                  {t('surveySummary.commentsTitle')}: {q.text}
                </Title>
                {q.comments.length ? (
                  <List spacing="xs">
                    {q.comments.map((c, i) => (
                      <List.Item key={i} style={{ whiteSpace: 'pre-wrap' }}>
                        {c}
                      </List.Item>
                    ))}
                  </List>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('surveySummary.noComments')}
                  </Text>
                )}
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
