import { useState } from 'react';
import { Alert, Button, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconUpload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../../../app/theme';
import type { UserImport } from '@cakap/contracts';
import { useImport } from '../../../api/imports';
import { BackLink } from '../../../components/BackLink';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { ImportStatusBadge } from './ImportStatusBadge';
import { Stat } from '../../../components/Stat';

const ERRORS_PAGE_SIZE = 20;

export function ImportDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const [errorPage, setErrorPage] = useState(1);
  const query = useImport(id, errorPage, ERRORS_PAGE_SIZE);
  const back = <BackLink to="/admin/imports">{t('imports.backToList')}</BackLink>;
  return (
    <>
      <PageHeader title={t('imports.detailTitle')} before={back} />
      {query.error && !query.data ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Skeleton height={240} /> : query.data ? <ImportResult job={query.data} errorPage={errorPage} onErrorPage={setErrorPage} /> : null}
    </>
  );
}

interface ResultProps {
  job: UserImport;
  errorPage: number;
  onErrorPage: (page: number) => void;
}

function ImportResult({ job, errorPage, onErrorPage }: ResultProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const done = job.status === 'completed' || job.status === 'failed';
  const percent = job.total > 0 ? Math.round((job.processed / job.total) * 100) : done ? 100 : 0;
  const status = t(`imports.status.${job.status}`);
  // The live region speaks at status changes and every 10 %, not once a second.
  const announced = done
    ? `${status}. ${t('imports.processed', { processed: formatNumber(job.processed, lang), total: formatNumber(job.total, lang) })}. ${t('imports.created')}: ${job.created}, ${t('imports.updated')}: ${job.updated}, ${t('imports.failed')}: ${job.failed}.`
    : `${status}: ${Math.floor(percent / 10) * 10}%`;
  // The api sends one page of row errors; errorCount is how many there are in all.
  const errorCount = job.errorCount ?? job.errors.length;
  const pageErrors = job.errors;

  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <ImportStatusBadge status={job.status} />
              {job.fileName && (
                <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                  {job.fileName}
                </Text>
              )}
            </Group>
            <Text size="sm" c="dimmed">
              {formatDateTime(job.createdAt, lang)}
            </Text>
          </Group>
          {/* The section is the progressbar: the names go on it, not on the track (axe: aria-allowed-attr). */}
          <Progress.Root size="xl">
            <Progress.Section
              value={percent}
              animated={!done}
              color={job.status === 'failed' ? 'red.9' : done ? statusColors.success : 'cakap'}
              aria-label={t('imports.progressLabel')}
              aria-valuetext={`${percent}%`}
            />
          </Progress.Root>
          <Text size="sm" data-testid="import-progress-text">
            {job.total > 0 || done
              ? t('imports.processed', { processed: formatNumber(job.processed, lang), total: formatNumber(job.total, lang) })
              : t('imports.processedUnknown')}
          </Text>
          <div className="visually-hidden" aria-live="polite" aria-atomic="true" role="status">
            {announced}
          </div>
          {!done && (
            <Text size="sm" c="dimmed">
              {t('imports.leaveHint')}
            </Text>
          )}
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 3 }} spacing="sm">
        <Stat label={t('imports.created')} value={formatNumber(job.created, lang)} />
        <Stat label={t('imports.updated')} value={formatNumber(job.updated, lang)} />
        <Stat label={t('imports.failed')} value={formatNumber(job.failed, lang)} color={job.failed > 0 ? 'red.9' : undefined} />
      </SimpleGrid>

      {job.status === 'completed' && job.failed === 0 && errorCount === 0 && (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
          {t('imports.doneOk', { created: formatNumber(job.created, lang), updated: formatNumber(job.updated, lang) })}
        </Alert>
      )}
      {job.status === 'completed' && (job.failed > 0 || errorCount > 0) && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('imports.doneWithErrors', { failed: formatNumber(job.failed, lang) })}
        </Alert>
      )}
      {job.status === 'failed' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('imports.failedText')}
        </Alert>
      )}

      {errorCount > 0 && (
        <section aria-labelledby="errors-title">
          <Title order={2} fz="h4" id="errors-title" mb="sm">
            {t('imports.errorsTitle')} ({formatNumber(errorCount, lang)})
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing="xs">
              <Table.Caption className="visually-hidden">{t('imports.errorsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={80}>
                    {t('imports.row')}
                  </Table.Th>
                  <Table.Th scope="col" w={140}>
                    {t('imports.field')}
                  </Table.Th>
                  <Table.Th scope="col">{t('imports.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pageErrors.map((e, i) => (
                  <Table.Tr key={`${e.row}-${e.field}-${i}`}>
                    <Table.Td>{e.row === 0 ? t('imports.wholeFile') : formatNumber(e.row, lang)}</Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {e.field || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={errorPage} pageSize={ERRORS_PAGE_SIZE} total={errorCount} onChange={onErrorPage} label={t('imports.errorsCaption')} />
        </section>
      )}

      {done && (
        <Group>
          <Button component={Link} to="/admin/imports" leftSection={<IconUpload size={16} aria-hidden />}>
            {t('imports.again')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
