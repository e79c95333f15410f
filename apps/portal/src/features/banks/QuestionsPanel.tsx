import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Question } from '@cakap/contracts';
import { useCategories, useDeleteQuestion, useQuestions, useQuestionTypes } from '../../api/quiz';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { ListTable } from '../../components/ListTable';
import { Pager } from '../../components/Pager';
import { EditDeleteActions } from '../../components/RowActions';
import { SearchField } from '../../components/SearchField';
import { useDeleteDialog } from '../../hooks/useDeleteDialog';
import { useListParams } from '../../hooks/useListParams';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

const PAGE_SIZE = 20;

/** The bank's questions: search, filters (category, type, tag) in the URL, paging. */
export function QuestionsPanel({ bankId }: { bankId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { params, q, page, update, setFilter, clear } = useListParams();
  const categoryId = params.get('category') ?? undefined;
  const type = params.get('type') ?? undefined;
  const tag = params.get('tag') ?? undefined;
  const list = useQuestions(bankId, { q: q || undefined, categoryId, type, tag, page, pageSize: PAGE_SIZE });
  const categories = useCategories(bankId);
  const types = useQuestionTypes();
  const remove = useDeleteDialog<Question & { name: string }>(useDeleteQuestion(), (x) => t('questions.deleted', { name: x.name }));
  const items = list.data?.items ?? [];
  const filtered = !!(q || categoryId || type || tag);
  const typeTitle = (key: string) => types.data?.find((x) => x.key === key)?.title[lang] ?? key;
  const categoryPath = (id: string | null) => (id ? categories.data?.find((c) => c.id === id)?.path : undefined);
  const newHref = `/studio/banks/${bankId}/questions/new`;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group align="flex-end" gap="sm">
          <SearchField label={t('questions.searchLabel')} placeholder={t('questions.searchPlaceholder')} value={q} onChange={(v) => setFilter('q', v)} />
          <Select
            label={t('questions.category')}
            data={[{ value: '', label: t('questions.allCategories') }, ...(categories.data ?? []).map((c) => ({ value: c.id, label: c.path }))]}
            value={categoryId ?? ''}
            allowDeselect={false}
            onChange={(v) => setFilter('category', v)}
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label={t('questions.type')}
            data={[{ value: '', label: t('questions.allTypes') }, ...(types.data ?? []).map((x) => ({ value: x.key, label: x.title[lang] }))]}
            value={type ?? ''}
            allowDeselect={false}
            onChange={(v) => setFilter('type', v)}
            w={{ base: '100%', xs: 200 }}
          />
          <TextInput
            label={t('questions.tag')}
            defaultValue={tag ?? ''}
            key={tag ?? ''}
            onKeyDown={(e) => e.key === 'Enter' && setFilter('tag', e.currentTarget.value.trim())}
            onBlur={(e) => e.currentTarget.value.trim() !== (tag ?? '') && setFilter('tag', e.currentTarget.value.trim())}
            w={{ base: '100%', xs: 160 }}
          />
        </Group>
        <Button component={Link} to={newHref} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('questions.add')}
        </Button>
      </Group>
      <ListState
        query={list}
        isEmpty={items.length === 0}
        empty={
          <EmptyBlock
            message={filtered ? t('questions.noMatch') : t('questions.empty')}
            action={
              filtered ? (
                <Button variant="default" onClick={() => clear()}>
                  {t('questions.clearFilters')}
                </Button>
              ) : undefined
            }
          />
        }
      >
        <ListTable
          caption={t('questions.tableCaption')}
          minWidth={640}
          busy={list.isFetching}
          withActions
          columns={[
            { label: t('questions.prompt') },
            { label: t('questions.type') },
            { label: t('questions.points'), numeric: true, hideOnPhone: true },
            { label: t('questions.category'), hideOnPhone: true },
            { label: t('questions.version'), hideOnPhone: true },
          ]}
        >
          {items.map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>
                <Anchor component={Link} to={`/studio/banks/${bankId}/questions/${x.id}`}>
                  {x.summary || t('questions.untitled')}
                </Anchor>
                {x.tags.length > 0 && (
                  <Group gap={4} mt={4}>
                    {x.tags.map((tg) => (
                      <Badge key={tg} variant="outline" size="sm" tt="none">
                        {tg}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>{typeTitle(x.type)}</Table.Td>
              <Table.Td ta="right" visibleFrom="sm">
                {formatNumber(x.points, lang)}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                {categoryPath(x.categoryId) ?? (
                  <Text span size="sm" c="dimmed">
                    {t('questions.noCategory')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm">{t('questions.versionN', { n: String(x.version) })}</Table.Td>
              <Table.Td>
                <EditDeleteActions
                  editLabel={t('questions.editAction', { name: x.summary })}
                  deleteLabel={t('questions.deleteAction', { name: x.summary })}
                  onEdit={() => navigate(`/studio/banks/${bankId}/questions/${x.id}`)}
                  onDelete={() => remove.ask({ ...x, name: x.summary })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
        {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => update({ page: String(p) })} />}
      </ListState>
      <ConfirmModal {...remove.modalProps} title={t('questions.deleteTitle')} confirmLabel={t('common.delete')}>
        {t('questions.deleteText', { name: remove.deleting?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
