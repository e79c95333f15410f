import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { categoryInputSchema, type Category } from '@cakap/contracts';
import { useCategories, useDeleteCategory, useSaveCategory } from '../../api/quiz';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyBlock } from '../../components/EmptyBlock';
import { FormModal } from '../../components/FormModal';
import { ListState } from '../../components/ListState';
import { EditDeleteActions } from '../../components/RowActions';
import { applyServerErrors, useZodForm } from '../../components/zodForm';
import { useDeleteDialog } from '../../hooks/useDeleteDialog';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** The bank's category tree (by path), with add, rename and delete. */
export function CategoriesPanel({ bankId }: { bankId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const list = useCategories(bankId);
  const [editing, setEditing] = useState<Category | 'new' | null>(null);
  const remove = useDeleteDialog<Category>(useDeleteCategory(bankId), (c) => t('categories.deleted', { name: c.name }));
  const items = [...(list.data ?? [])].sort((a, b) => a.path.localeCompare(b.path, 'id'));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('categories.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
          {t('categories.add')}
        </Button>
      </Group>
      <ListState query={list} isEmpty={items.length === 0} empty={<EmptyBlock message={t('categories.empty')} />}>
        <Paper withBorder radius="md" p="sm">
          <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('categories.tree')}>
            {items.map((c) => {
              const depth = c.path.split('/').length - 1;
              return (
                <li key={c.id} style={{ paddingLeft: `${depth * 1.5}rem` }}>
                  <Group justify="space-between" gap="xs" wrap="nowrap" py={4}>
                    <Text size="sm">
                      <Text span fw={600}>
                        {c.name}
                      </Text>{' '}
                      <Text span c="dimmed" size="sm">
                        {t('categories.count', { count: c.questionCount, n: formatNumber(c.questionCount, lang) })}
                      </Text>
                    </Text>
                    <EditDeleteActions
                      editLabel={t('categories.renameAction', { name: c.path })}
                      deleteLabel={t('categories.deleteAction', { name: c.path })}
                      onEdit={() => setEditing(c)}
                      onDelete={() => remove.ask(c)}
                    />
                  </Group>
                </li>
              );
            })}
          </Stack>
        </Paper>
      </ListState>
      {editing && <CategoryFormModal bankId={bankId} category={editing === 'new' ? undefined : editing} categories={items} onClose={() => setEditing(null)} />}
      <ConfirmModal {...remove.modalProps} title={t('categories.deleteTitle')} confirmLabel={t('common.delete')}>
        {t('categories.deleteText', { name: remove.deleting?.path ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

function CategoryFormModal({ bankId, category, categories, onClose }: { bankId: string; category?: Category; categories: Category[]; onClose: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCategory(bankId);
  const [error, setError] = useState<unknown>(null);
  const form = useZodForm<{ name: string; parentId: string | null }>({
    initialValues: { name: category?.name ?? '', parentId: category?.parentId ?? null },
    schema: categoryInputSchema,
  });
  // A category cannot move under itself or its own descendants.
  const parents = categories.filter((c) => !category || (c.id !== category.id && !c.path.startsWith(`${category.path}/`)));
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await save.mutateAsync({ id: category?.id, body: { name: values.name.trim(), parentId: values.parentId } });
      notifications.show({ color: 'green', message: t('categories.saved', { name: values.name.trim() }) });
      onClose();
    } catch (e) {
      if (!applyServerErrors(form, e, ['name', 'parentId'])) setError(e);
    }
  });
  return (
    <FormModal title={category ? t('categories.renameTitle') : t('categories.createTitle')} onClose={onClose} onSubmit={submit} error={error} saving={save.isPending}>
      <TextInput label={t('categories.name')} required data-autofocus {...form.getInputProps('name')} />
      <Select
        label={t('categories.parent')}
        data={[{ value: '', label: t('categories.root') }, ...parents.map((c) => ({ value: c.id, label: c.path }))]}
        value={form.values.parentId ?? ''}
        allowDeselect={false}
        error={form.errors.parentId}
        onChange={(v) => form.setFieldValue('parentId', v || null)}
      />
    </FormModal>
  );
}
