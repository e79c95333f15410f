import { useState } from 'react';
import { Anchor, Breadcrumbs, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconChevronRight, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@cakap/contracts';
import { useDeleteOrgUnit, useOrgUnit, useOrgUnits } from '../../../api/org-units';
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
import { OrgUnitFormModal } from './OrgUnitFormModal';

const PAGE_SIZE = 20;

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { params, q, page, update, setFilter } = useListParams();
  const parentId = params.get('parent') || undefined;

  // Searching looks through the whole tree; otherwise one level at a time.
  const list = useOrgUnits(q ? { q, page, pageSize: PAGE_SIZE } : { parentId: parentId ?? 'root', page, pageSize: PAGE_SIZE });
  const parent = useOrgUnit(parentId);
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const remove = useDeleteDialog<OrgUnit>(useDeleteOrgUnit(), (u) => t('orgUnits.deleted', { name: u.name }));
  const linkTo = (id?: string) => (id ? `?parent=${id}` : '?');

  const crumbs = !q && parentId && parent.data && (
    <nav aria-label={t('orgUnits.breadcrumbs')}>
      <Breadcrumbs separator={<IconChevronRight size={14} aria-hidden />} separatorMargin={4} style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to={linkTo()} size="sm">
          {t('orgUnits.all')}
        </Anchor>
        {parent.data.ancestors.map((a) => (
          <Anchor key={a.id} component={Link} to={linkTo(a.id)} size="sm">
            {a.name}
          </Anchor>
        ))}
        <Text size="sm" fw={600} aria-current="page">
          {parent.data.name}
        </Text>
      </Breadcrumbs>
    </nav>
  );

  const items = list.data?.items ?? [];
  const title = !q && parent.data ? parent.data.name : t('orgUnits.title');

  return (
    <>
      <PageHeader
        title={title}
        before={crumbs}
        description={!q && parent.data ? `${t('orgUnits.code')}: ${parent.data.code}` : t('orgUnits.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
            {!q && parentId ? t('orgUnits.addChild') : t('orgUnits.add')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group align="flex-end">
          <SearchField
            label={t('orgUnits.searchLabel')}
            placeholder={t('orgUnits.searchPlaceholder')}
            value={q}
            onChange={(v) => setFilter('q', v)}
          />
        </Group>

        <ListState
          query={list}
          isEmpty={items.length === 0}
          empty={
            <EmptyBlock
              message={q ? t('common.noResults', { q }) : parentId ? t('orgUnits.emptyChildren') : t('orgUnits.emptyRoot')}
              action={
                !q && (
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                    {parentId ? t('orgUnits.addChild') : t('orgUnits.add')}
                  </Button>
                )
              }
            />
          }
        >
          <ListTable
            caption={t('orgUnits.tableCaption')}
            minWidth={560}
            busy={list.isFetching}
            withActions
            columns={[
              { label: t('orgUnits.code') },
              { label: t('orgUnits.name') },
              { label: t('orgUnits.children'), numeric: true, hideOnPhone: true },
              { label: t('orgUnits.users'), numeric: true, hideOnPhone: true },
            ]}
          >
            {items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Text ff="monospace" size="sm">
                    {u.code}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={linkTo(u.id)} fw={500} aria-label={t('orgUnits.openChildren', { name: u.name })}>
                    {u.name}
                  </Anchor>
                  {q && u.ancestors.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('orgUnits.path', { path: u.ancestors.map((a) => a.name).join(' › ') })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(u.childCount, lang)}
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(u.userCount, lang)}
                </Table.Td>
                <Table.Td>
                  <EditDeleteActions
                    editLabel={t('orgUnits.editAction', { name: u.name })}
                    deleteLabel={t('orgUnits.deleteAction', { name: u.name })}
                    onEdit={() => setEditing(u)}
                    onDelete={() => remove.ask(u)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {list.data && (
            <Pager
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              onChange={(p) => update({ page: String(p) })}
            />
          )}
        </ListState>
      </Stack>

      {editing && (
        <OrgUnitFormModal
          unit={editing === 'new' ? undefined : editing}
          defaultParent={!q && parent.data ? parent.data : null}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal {...remove.modalProps} title={t('orgUnits.deleteTitle')} confirmLabel={t('common.delete')}>
        {t('orgUnits.deleteText', { name: remove.deleting?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
