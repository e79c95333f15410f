import { lazy, Suspense } from 'react';
import { Alert, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FollowUpRoleSummary } from '@cakap/contracts';
import { useFollowUpSummary } from '../../api/followUps';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Stat } from '../../components/Stat';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CommentList, DimensionMeansTable, formatMean } from '../evaluation/SummaryParts';

const DimensionChart = lazy(async () => ({ default: (await import('../evaluation/DimensionChart')).DimensionChart }));

/**
 * The anonymous follow-up results of a course for its authors, learners and direct superiors
 * apart: counts always, means and comments only from the server's minimum of responses per role.
 */
export function FollowUpSummaryView({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const summary = useFollowUpSummary(courseId);
  if (summary.isPending) return <Skeleton h={160} />;
  if (summary.isError) return <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="follow-up-summary">
      <Stack>
        <Title order={2} fz="h4" id="follow-up-summary">
          {t('followUpPanel.summaryTitle')}
        </Title>
        <RoleSummary role={summary.data.learner} />
        <RoleSummary role={summary.data.superior} />
      </Stack>
    </Paper>
  );
}

function RoleSummary({ role }: { role: FollowUpRoleSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = t(`followUpPanel.roles.${role.role}`);
  const headingId = `follow-up-summary-${role.role}`;
  const shown = role.answered >= role.minimumResponses && role.mean !== null;
  const bars = role.dimensions.filter((d) => d.mean !== null);
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId} data-testid={headingId}>
      <Title order={3} fz="h5" id={headingId}>
        {name}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Stat label={t('followUpPanel.sent')} value={formatNumber(role.sent, lang)} />
        <Stat label={t('followUpPanel.answered')} value={formatNumber(role.answered, lang)} />
        <Stat label={t('followUpPanel.scheduled')} value={formatNumber(role.scheduled, lang)} />
        <Stat label={t('followUpPanel.overall')} value={formatMean(role.mean, lang)} />
      </SimpleGrid>
      {!shown ? (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('surveySummary.minimumNote', { min: String(role.minimumResponses) })}
        </Alert>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('followUpPanel.chartSummary', { role: name })}
          </Text>
          {bars.length ? (
            <Suspense fallback={<Skeleton h={bars.length * 40 + 40} />}>
              <DimensionChart bars={bars.map((d) => ({ label: t(`followUpPanel.dimensions.${d.dimension}`), mean: d.mean ?? 0 }))} />
            </Suspense>
          ) : null}
          <DimensionMeansTable
            rows={role.dimensions.map((d) => ({ key: d.dimension, label: t(`followUpPanel.dimensions.${d.dimension}`), mean: d.mean, answered: d.answered }))}
          />
          {role.comments.map((c) => (
            <CommentList key={c.questionId} level={4} question={c.text} comments={c.answers} />
          ))}
        </>
      )}
    </Stack>
  );
}
