import type { ReactNode } from 'react';
import { Alert, Group, Loader, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '@cakap/contracts';
import type { ReportAnswer } from '../../api/reports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

interface Props<T> {
  query: UseQueryResult<ReportAnswer<T>>;
  children: (report: T) => ReactNode;
}

/**
 * The states of a report screen: loading, an error (403/404/500 in the api's words, with retry),
 * "being computed" while the api answers 202 (the query polls after its Retry-After), and the
 * report itself, with a notice while a newer one is computed (`stale`; the query rechecks).
 */
export function ReportView<T extends { stale: boolean; computedAt: string }>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  const lang = useLang();
  if (query.isPending) {
    return (
      <Stack aria-busy="true">
        <Skeleton h={88} />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (!query.data) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const answer = query.data;
  return (
    <Stack gap="lg">
      {/* A later poll that failed (the computation failed): say so above what is still shown. */}
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <div aria-live="polite">
        {answer.ready && answer.report.stale && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="report-stale">
            <Text size="sm">{t('reports.staleNotice')}</Text>
          </Alert>
        )}
      </div>
      {answer.ready ? (
        <>
          <Text size="sm" c="dimmed">
            {t('reports.computedAt', { at: formatDateTime(answer.report.computedAt, lang) })}
          </Text>
          {children(answer.report)}
        </>
      ) : (
        <ReportPending status={answer.status} />
      )}
    </Stack>
  );
}

/** "Laporan sedang dihitung…": announced once (role=status), the page updates by itself. */
function ReportPending({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" role="status" aria-live="polite" data-testid="report-pending">
      <Group wrap="nowrap" align="flex-start">
        <Loader size="sm" aria-hidden="true" />
        <Stack gap={4}>
          <Text fw={600}>{t('reports.pendingTitle')}</Text>
          <Text size="sm">{status.status === 'running' ? t('reports.pendingRunning') : t('reports.pendingQueued')}</Text>
        </Stack>
      </Group>
    </Paper>
  );
}
