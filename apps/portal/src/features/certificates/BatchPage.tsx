import { useState } from 'react';
import { Alert, Button, Group, Paper, Progress, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconDownload, IconRefresh } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Batch, BatchItem } from '@cakap/contracts';
import { statusColors } from '../../app/theme';
import { batchFinished, downloadBatchArchive, useBatchItems, useLiveBatch, useRetryBatch } from '../../api/certificates';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert, useErrorMessage } from '../../components/ErrorAlert';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { formatDate, formatDateTime, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { BatchStatusBadge } from './BatchStatusBadge';
import { useAnnouncement } from './useAnnouncement';
import { Stat } from '../../components/Stat';

const ITEMS_PAGE_SIZE = 20;

/** One batch, live: progress from the server's event stream, the failed and skipped items, retry, ZIP. */
export function BatchPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const batch = useLiveBatch(id);
  return (
    <>
      <PageHeader
        title={batch.data ? t('certificates.batches.detailTitle', { course: batch.data.course.title }) : t('certificates.batches.detail')}
        before={<BackLink to="/admin/certificate-batches">{t('certificates.batches.back')}</BackLink>}
      />
      {batch.error && !batch.data ? <ErrorAlert error={batch.error} onRetry={() => void batch.refetch()} /> : null}
      {batch.isPending ? <Skeleton height={240} /> : batch.data ? <BatchView batch={batch.data} /> : null}
    </>
  );
}

function BatchView({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const lang = useLang();
  const errorMessage = useErrorMessage();
  const retry = useRetryBatch(batch.id);
  const [zipping, setZipping] = useState(false);
  const done = batchFinished(batch.status);
  const processed = batch.issued + batch.skipped + batch.failed;
  const percent = batch.total > 0 ? Math.floor((processed / batch.total) * 100) : done ? 100 : 0;
  const progressText = t('certificates.batches.progress', { done: formatNumber(processed, lang), total: formatNumber(batch.total, lang) });
  const announced = useAnnouncement(`${t(`certificates.batches.status.${batch.status}`)}: ${progressText}`, batch.status);
  // The item table is read again when the counters it depends on move.
  const itemsVersion = batch.failed * 1_000_003 + batch.skipped;

  const onRetry = async () => {
    try {
      await retry.mutateAsync();
      notifications.show({ color: 'green', message: t('certificates.batches.retried') });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };
  const onZip = async () => {
    setZipping(true);
    try {
      await downloadBatchArchive(batch);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setZipping(false);
    }
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <BatchStatusBadge status={batch.status} />
              <Text size="sm">{batch.template.name}</Text>
            </Group>
            <Text size="sm" c="dimmed">
              {formatDateTime(batch.createdAt, lang)}
              {batch.createdBy ? ` · ${batch.createdBy.name}` : ''}
            </Text>
          </Group>
          {/* The section is the progressbar: the names go on it, not on the track. */}
          <Progress.Root size="xl">
            <Progress.Section
              value={percent}
              animated={!done}
              color={batch.status === 'failed' ? 'red.9' : done ? statusColors.success : 'cakap'}
              aria-label={t('certificates.batches.progressLabel')}
              aria-valuetext={progressText}
            />
          </Progress.Root>
          <Text size="sm" data-testid="batch-progress-text">
            {progressText}
          </Text>
          <div className="visually-hidden" aria-live="polite" aria-atomic="true" role="status">
            {announced}
          </div>
          <Criteria batch={batch} />
          {!done && (
            <Text size="sm" c="dimmed">
              {t('certificates.batches.leaveHint')}
            </Text>
          )}
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 3 }} spacing="sm">
        <Stat label={t('certificates.batches.issued')} value={formatNumber(batch.issued, lang)} />
        <Stat label={t('certificates.batches.skipped')} value={formatNumber(batch.skipped, lang)} />
        <Stat label={t('certificates.batches.failed')} value={formatNumber(batch.failed, lang)} color={batch.failed > 0 ? 'red.9' : undefined} />
      </SimpleGrid>

      {batch.status === 'completed' && batch.failed === 0 && (
        <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />}>
          {t('certificates.batches.doneOk', { n: formatNumber(batch.issued, lang) })}
        </Alert>
      )}
      {done && batch.failed > 0 && (
        <Alert color={statusColors.warning} variant="light" icon={<IconAlertTriangle aria-hidden />}>
          {t('certificates.batches.doneWithFailures', { n: formatNumber(batch.failed, lang) })}
        </Alert>
      )}

      <Group>
        {done && batch.issued > 0 && (
          <Button onClick={() => void onZip()} loading={zipping} leftSection={<IconDownload size={16} aria-hidden />}>
            {t('certificates.batches.downloadZip')}
          </Button>
        )}
        {done && batch.failed > 0 && (
          <Button variant="default" onClick={() => void onRetry()} loading={retry.isPending} leftSection={<IconRefresh size={16} aria-hidden />}>
            {t('certificates.batches.retry')}
          </Button>
        )}
      </Group>

      {batch.failed + batch.skipped > 0 && <BatchItems batchId={batch.id} version={itemsVersion} />}
    </Stack>
  );
}

function Criteria({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = batch.criteria;
  const parts: string[] = [];
  if (c.listed !== null) parts.push(t('certificates.batches.criteriaListed', { n: formatNumber(c.listed, lang) }));
  if (c.orgUnit) parts.push(c.orgUnit.name);
  if (c.completedFrom || c.completedTo)
    parts.push(t('certificates.batches.criteriaDates', { from: c.completedFrom ? formatDate(c.completedFrom, lang) : '…', to: c.completedTo ? formatDate(c.completedTo, lang) : '…' }));
  if (!parts.length) parts.push(batch.kind === 'auto' ? t('certificates.batches.auto') : t('certificates.batches.criteriaAll'));
  return (
    <Text size="sm" c="dimmed">
      {t('certificates.batches.criteria')}: {parts.join(' · ')}
    </Text>
  );
}

type ProblemStatus = Extract<BatchItem['status'], 'failed' | 'skipped'>;

function BatchItems({ batchId, version }: { batchId: string; version: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ProblemStatus>('failed');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const items = useBatchItems(batchId, { page, pageSize: ITEMS_PAGE_SIZE, status, q: q || undefined }, version);
  const rows = items.data?.items ?? [];
  return (
    <section aria-labelledby="items-title">
      <Title order={2} fz="h4" id="items-title" mb="sm">
        {t('certificates.batches.itemsTitle')}
      </Title>
      <Group align="flex-end" gap="sm" mb="sm">
        <Select
          label={t('certificates.batches.statusLabel')}
          data={[
            { value: 'failed', label: t('certificates.batches.failed') },
            { value: 'skipped', label: t('certificates.batches.skipped') },
          ]}
          value={status}
          onChange={(v) => {
            setStatus((v as ProblemStatus) ?? 'failed');
            setPage(1);
          }}
          allowDeselect={false}
          w={180}
        />
        <SearchField
          label={t('certificates.batches.searchItems')}
          value={q}
          onChange={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
      </Group>
      {items.error ? <ErrorAlert error={items.error} onRetry={() => void items.refetch()} /> : null}
      {items.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.nothingFound')}
        </Text>
      ) : (
        <ListTable
          caption={t('certificates.batches.itemsTitle')}
          minWidth={560}
          busy={items.isFetching}
          columns={[{ label: t('certificates.nip') }, { label: t('certificates.name'), hideOnPhone: true }, { label: t('certificates.batches.reason') }]}
        >
          {rows.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {item.nip}
                </Text>
              </Table.Td>
              <Table.Td visibleFrom="sm">{item.user?.name ?? '—'}</Table.Td>
              <Table.Td>{item.reason ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {items.data && items.data.total > 0 && <Pager page={page} pageSize={ITEMS_PAGE_SIZE} total={items.data.total} onChange={setPage} />}
    </section>
  );
}
