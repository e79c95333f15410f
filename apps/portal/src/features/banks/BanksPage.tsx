import { useState } from 'react';
import { Anchor, Button, Stack, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Bank } from '@cakap/contracts';
import { useBanks, useDeleteBank } from '../../api/quiz';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { EditDeleteActions } from '../../components/RowActions';
import { SearchField } from '../../components/SearchField';
import { useDeleteDialog } from '../../hooks/useDeleteDialog';
import { useListParams } from '../../hooks/useListParams';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { BankFormModal } from './BankFormModal';

const PAGE_SIZE = 20;

/** "Bank soal": the question banks an author owns (an admin sees all). */
export function BanksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { q, page, update, setFilter } = useListParams();
  const list = useBanks({ q: q || undefined, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Bank | 'new' | null>(null);
  const remove = useDeleteDialog<Bank & { name: string }>(useDeleteBank(), (b) => t('banks.deleted', { name: b.name }));
  const items = list.data?.items ?? [];

  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
      {t('banks.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('banks.title')} description={t('banks.intro')} actions={addButton} />
      <Stack gap="md">
        <SearchField label={t('banks.searchLabel')} placeholder={t('banks.searchPlaceholder')} value={q} onChange={(v) => setFilter('q', v)} />
        <ListState query={list} isEmpty={items.length === 0} empty={<EmptyBlock message={q ? t('common.noResults', { q }) : t('banks.empty')} action={!q && addButton} />}>
          <ListTable
            caption={t('banks.tableCaption')}
            minWidth={560}
            busy={list.isFetching}
            withActions
            columns={[
              { label: t('banks.name') },
              { label: t('banks.questions'), numeric: true },
              { label: t('banks.owner'), hideOnPhone: true },
              { label: t('banks.updatedAt'), hideOnPhone: true },
            ]}
          >
            {items.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={500}>
                  <Anchor component={Link} to={`/studio/banks/${b.id}`}>
                    {b.title}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(b.questionCount, lang)}</Table.Td>
                <Table.Td visibleFrom="sm">{b.owner.name}</Table.Td>
                <Table.Td visibleFrom="sm">{formatDate(b.updatedAt, lang)}</Table.Td>
                <Table.Td>
                  <EditDeleteActions
                    editLabel={t('banks.editAction', { name: b.title })}
                    deleteLabel={t('banks.deleteAction', { name: b.title })}
                    onEdit={() => setEditing(b)}
                    onDelete={() => remove.ask({ ...b, name: b.title })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => update({ page: String(p) })} />}
        </ListState>
      </Stack>
      {editing && <BankFormModal bank={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal {...remove.modalProps} title={t('banks.deleteTitle')} confirmLabel={t('common.delete')}>
        {t('banks.deleteText', { name: remove.deleting?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
