import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Select, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { POSITION_KINDS, positionKindSchema, type Position } from '@cakap/contracts';
import { useDeletePosition, usePositions } from '../../../api/positions';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { SearchField } from '../../../components/SearchField';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { useIsPhone } from '../../../components/useIsPhone';
import { PositionFormModal } from './PositionFormModal';

const PAGE_SIZE = 20;

export function PositionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kindParam = positionKindSchema.safeParse(params.get('kind'));
  const kind = kindParam.success ? kindParam.data : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = usePositions({ q: q || undefined, kind, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Position | null>(null);
  const remove = useDeletePosition();
  const isPhone = useIsPhone();

  // Functional update: a late debounced search must not undo a navigation made meanwhile.
  const update = (changes: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      return next;
    });

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      notifications.show({ color: 'green', message: t('positions.deleted', { name: deleting.name }) });
      setDeleting(null);
      remove.reset();
    } catch {
      // shown in the dialog
    }
  };

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
            onChange={(v) => update({ q: v || undefined, page: undefined })}
          />
          <Select
            label={t('positions.kindFilter')}
            data={[
              { value: '', label: t('positions.allKinds') },
              ...POSITION_KINDS.map((k) => ({ value: k, label: t(`positionKind.${k}`) })),
            ]}
            value={kind ?? ''}
            allowDeselect={false}
            onChange={(v) => update({ kind: v || undefined, page: undefined })}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>

        {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}

        {list.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <Skeleton height={36} />
            <Skeleton height={36} />
            <Skeleton height={36} />
          </Stack>
        ) : items.length === 0 && !list.error ? (
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
        ) : (
          <>
            <Table.ScrollContainer minWidth={isPhone ? 0 : 560}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
                <Table.Caption className="visually-hidden">{t('positions.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('positions.name')}</Table.Th>
                    <Table.Th scope="col">{t('positions.kind')}</Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">
                      {t('positions.orgUnit')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right" visibleFrom="sm">
                      {t('positions.users')}
                    </Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                          <ActionIcon variant="subtle" aria-label={t('positions.editAction', { name: p.name })} onClick={() => setEditing(p)}>
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            aria-label={t('positions.deleteAction', { name: p.name })}
                            onClick={() => {
                              remove.reset();
                              setDeleting(p);
                            }}
                          >
                            <IconTrash size={18} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.data && (
              <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => update({ page: String(p) })} />
            )}
          </>
        )}
      </Stack>

      {editing && <PositionFormModal position={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={!!deleting}
        title={t('positions.deleteTitle')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        {t('positions.deleteText', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
