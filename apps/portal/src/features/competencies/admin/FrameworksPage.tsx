import { useState } from 'react';
import { Anchor, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FRAMEWORK_STATUSES, frameworkStatusSchema } from '@cakap/contracts';
import { useFrameworks } from '../../../api/competencies';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { SearchField } from '../../../components/SearchField';
import { useListParams } from '../../../hooks/useListParams';
import { formatDate, formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { FrameworkStatusBadge } from './badges';
import { FrameworkExport } from './ExportMenu';
import { FrameworkFormModal } from './FrameworkFormModal';
import { FrameworkImportModal } from './FrameworkImportModal';

const PAGE_SIZE = 20;

/** /admin/competencies: the frameworks, with create and import. */
export function FrameworksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { params, q, page, update, setFilter } = useListParams();
  const statusParam = frameworkStatusSchema.safeParse(params.get('status'));
  const status = statusParam.success ? statusParam.data : undefined;
  const list = useFrameworks({ q: q || undefined, status, page, pageSize: PAGE_SIZE });
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const items = list.data?.items ?? [];
  const filtered = !!q || !!status;

  const createButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog('create')}>
      {t('competencyAdmin.frameworks.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('competencyAdmin.frameworks.title')}
        description={t('competencyAdmin.frameworks.intro')}
        actions={
          <>
            <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={() => setDialog('import')}>
              {t('competencyAdmin.frameworks.import')}
            </Button>
            {createButton}
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <SearchField
            label={t('competencyAdmin.frameworks.searchLabel')}
            placeholder={t('competencyAdmin.frameworks.searchPlaceholder')}
            value={q}
            onChange={(v) => setFilter('q', v)}
          />
          <Select
            label={t('competencyAdmin.frameworks.statusFilter')}
            data={[
              { value: '', label: t('competencyAdmin.frameworks.allStatuses') },
              ...FRAMEWORK_STATUSES.map((s) => ({ value: s, label: t(`competencyAdmin.status.${s}`) })),
            ]}
            value={status ?? ''}
            allowDeselect={false}
            onChange={(v) => setFilter('status', v)}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <ListState
          query={list}
          isEmpty={items.length === 0}
          empty={
            <EmptyBlock
              message={filtered ? t('common.noResults', { q: q || t(`competencyAdmin.status.${status!}`) }) : t('competencyAdmin.frameworks.empty')}
              action={!filtered && createButton}
            />
          }
        >
          <ListTable
            caption={t('competencyAdmin.frameworks.tableCaption')}
            minWidth={640}
            busy={list.isFetching}
            withActions
            columns={[
              { label: t('competencyAdmin.frameworks.name') },
              { label: t('common.status') },
              { label: t('competencyAdmin.frameworks.version'), hideOnPhone: true },
              { label: t('competencyAdmin.frameworks.competencies'), numeric: true, hideOnPhone: true },
              { label: t('competencyAdmin.frameworks.updated'), hideOnPhone: true },
            ]}
          >
            {items.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/competencies/${f.id}`} fw={500}>
                    {f.name}
                  </Anchor>
                  {f.publisher && (
                    <Text size="xs" c="dimmed">
                      {f.publisher}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <FrameworkStatusBadge status={f.status} />
                </Table.Td>
                <Table.Td visibleFrom="sm">{f.version}</Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(f.competencyCount, lang)}
                </Table.Td>
                <Table.Td visibleFrom="sm">{formatDate(f.updatedAt, lang)}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <FrameworkExport framework={f} size="xs" />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {list.data && (
            <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => update({ page: String(p) })} />
          )}
        </ListState>
      </Stack>
      {dialog === 'create' && <FrameworkFormModal onClose={() => setDialog(null)} />}
      {dialog === 'import' && <FrameworkImportModal onClose={() => setDialog(null)} />}
    </>
  );
}
