import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { POSITION_KINDS, positionKindSchema, type Position } from '@cakap/contracts';
import { useDeletePosition, usePositions } from '../../../api/positions';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { EditDeleteActions } from '../../../components/RowActions';
import { SearchField } from '../../../components/SearchField';
import { useDeleteDialog } from '../../../hooks/useDeleteDialog';
import { useListParams } from '../../../hooks/useListParams';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { PositionFormModal } from './PositionFormModal';

const PAGE_SIZE = 20;

export function PositionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { params, q, page, update, setFilter } = useListParams();
  const kindParam = positionKindSchema.safeParse(params.get('kind'));
  const kind = kindParam.success ? kindParam.data : undefined;
  const list = usePositions({ q: q || undefined, kind, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const remove = useDeleteDialog<Position>(useDeletePosition(), (p) => t('positions.deleted', { name: p.name }));

  const items = list.data?.items ?? [];
  const filtered = !!q || !!kind;

  return (
    <>
      <PageHeader
        title={t('positions.title')}
        description={t('positions.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {t('positions.add')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm">
          <SearchField
            label={t('positions.searchLabel')}
            placeholder={t('positions.searchPlaceholder')}
            value={q}
            onChange={(v) => setFilter('q', v)}
          />
          <Select
            label={t('positions.kindFilter')}
            data={[
              { value: '', label: t('positions.allKinds') },
              ...POSITION_KINDS.map((k) => ({ value: k, label: t(`positionKind.${k}`) })),
            ]}
            value={kind ?? ''}
            allowDeselect={false}
            onChange={(v) => setFilter('kind', v)}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>

        <ListState
          query={list}
          isEmpty={items.length === 0}
          empty={
            <EmptyBlock
              message={filtered ? t('common.noResults', { q: q || t(`positionKind.${kind!}`) }) : t('positions.empty')}
              action={
                !filtered && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                    {t('positions.add')}
                  </Button>
                )
              }
            />
          }
        >
          <ListTable
            caption={t('positions.tableCaption')}
            minWidth={560}
            busy={list.isFetching}
            withActions
            columns={[
              { label: t('positions.name') },
              { label: t('positions.kind') },
              { label: t('positions.orgUnit'), hideOnPhone: true },
              { label: t('positions.users'), numeric: true, hideOnPhone: true },
            ]}
          >
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td fw={500}>{p.name}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color="cakap" tt="none">
                    {t(`positionKind.${p.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  {p.orgUnit ? (
                    p.orgUnit.name
                  ) : (
                    <Text span size="sm" c="dimmed">
                      {t('positions.orgUnitAny')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(p.userCount, lang)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      component={Link}
                      to={`/admin/competency-standards?tab=position&position=${p.id}`}
                      aria-label={t('competencyAdmin.standards.positionAction', { name: p.name })}
                    >
                      <IconListCheck size={18} aria-hidden />
                    </ActionIcon>
                    <EditDeleteActions
                      editLabel={t('positions.editAction', { name: p.name })}
                      deleteLabel={t('positions.deleteAction', { name: p.name })}
                      onEdit={() => setEditing(p)}
                      onDelete={() => remove.ask(p)}
                    />
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

      {editing && <PositionFormModal position={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal {...remove.modalProps} title={t('positions.deleteTitle')} confirmLabel={t('common.delete')}>
        {t('positions.deleteText', { name: remove.deleting?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
