import { Button, Select, Table, Text } from '@mantine/core';
import { IconCertificate, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BATCH_STATUSES, type BatchStatus } from '@cakap/contracts';
import { useBatches } from '../../api/certificates';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useListParams } from '../../hooks/useListParams';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { BatchStatusBadge } from './BatchStatusBadge';

const PAGE_SIZE = 20;

/** Issuance batches, newest first; a batch still working refreshes the list on its own. */
export function BatchesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { page, params, update, setFilter } = useListParams();
  const status = (params.get('status') as BatchStatus | null) ?? undefined;
  const query = useBatches({ page, pageSize: PAGE_SIZE, status });
  const items = query.data?.items ?? [];
  const issueButton = (
    <Button component={Link} to="/admin/certificate-batches/new" leftSection={<IconPlus size={16} aria-hidden />}>
      {t('certificates.batches.issue')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('certificates.batches.title')} description={t('certificates.batches.intro')} actions={issueButton} />
      <Select
        label={t('certificates.batches.statusFilter')}
        data={[{ value: '', label: t('certificates.allStatuses') }, ...BATCH_STATUSES.map((s) => ({ value: s, label: t(`certificates.batches.status.${s}`) }))]}
        value={status ?? ''}
        onChange={(v) => setFilter('status', v)}
        allowDeselect={false}
        maw={260}
        mb="md"
      />
      <ListState query={query} isEmpty={items.length === 0} empty={<EmptyBlock icon={<IconCertificate size={26} />} message={t('certificates.batches.empty')} action={status ? undefined : issueButton} />}>
        <ListTable
          caption={t('certificates.batches.title')}
          minWidth={760}
          busy={query.isFetching}
          columns={[
            { label: t('certificates.course') },
            { label: t('certificates.batches.statusLabel') },
            { label: t('certificates.batches.issued'), numeric: true },
            { label: t('certificates.batches.skipped'), numeric: true, hideOnPhone: true },
            { label: t('certificates.batches.failed'), numeric: true, hideOnPhone: true },
            { label: t('certificates.batches.created'), hideOnPhone: true },
          ]}
        >
          {items.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>
                <Text component={Link} to={`/admin/certificate-batches/${b.id}`} fw={500} c="cakap.8" td="underline">
                  {b.course.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {b.kind === 'auto' ? t('certificates.batches.auto') : b.template.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <BatchStatusBadge status={b.status} />
              </Table.Td>
              <Table.Td ta="right">
                {t('certificates.batches.ofTotal', { done: formatNumber(b.issued, lang), total: formatNumber(b.total, lang) })}
              </Table.Td>
              <Table.Td ta="right" visibleFrom="sm">
                {formatNumber(b.skipped, lang)}
              </Table.Td>
              <Table.Td ta="right" visibleFrom="sm">
                {formatNumber(b.failed, lang)}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Text size="sm">{formatDateTime(b.createdAt, lang)}</Text>
                {b.createdBy && (
                  <Text size="xs" c="dimmed">
                    {b.createdBy.name}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {query.data && <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(p) => update({ page: String(p) })} />}
      </ListState>
    </>
  );
}
