import { useState } from 'react';
import { ActionIcon, Anchor, Breadcrumbs, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronRight, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '@cakap/contracts';
import { useDeleteOrgUnit, useOrgUnit, useOrgUnits } from '../../../api/org-units';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { SearchField } from '../../../components/SearchField';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { useIsPhone } from '../../../components/useIsPhone';
import { OrgUnitFormModal } from './OrgUnitFormModal';

const PAGE_SIZE = 20;

export function OrgUnitsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const parentId = params.get('parent') || undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  // Searching looks through the whole tree; otherwise one level at a time.
  const list = useOrgUnits(q ? { q, page, pageSize: PAGE_SIZE } : { parentId: parentId ?? 'root', page, pageSize: PAGE_SIZE });
  const parent = useOrgUnit(parentId);
  const [editing, setEditing] = useState<OrgUnit | 'new' | null>(null);
  const [deleting, setDeleting] = useState<OrgUnit | null>(null);
  const remove = useDeleteOrgUnit();
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
  const linkTo = (id?: string) => (id ? `?parent=${id}` : '?');

  const confirmDelete = async () => {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.id);
      notifications.show({ color: 'green', message: t('orgUnits.deleted', { name: deleting.name }) });
      setDeleting(null);
      remove.reset();
    } catch {
      // shown in the dialog
    }
  };

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
            onChange={(v) => update({ q: v || undefined, page: undefined })}
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
            message={q ? t('common.noResults', { q }) : parentId ? t('orgUnits.emptyChildren') : t('orgUnits.emptyRoot')}
            action={
              !q && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')}>
                  {parentId ? t('orgUnits.addChild') : t('orgUnits.add')}
                </Button>
              )
            }
          />
        ) : (
          <>
            <Table.ScrollContainer minWidth={isPhone ? 0 : 560}>
              <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
                <Table.Caption className="visually-hidden">{t('orgUnits.tableCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('orgUnits.code')}</Table.Th>
                    <Table.Th scope="col">{t('orgUnits.name')}</Table.Th>
                    <Table.Th scope="col" ta="right" visibleFrom="sm">
                      {t('orgUnits.children')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right" visibleFrom="sm">
                      {t('orgUnits.users')}
                    </Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
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
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <ActionIcon variant="subtle" aria-label={t('orgUnits.editAction', { name: u.name })} onClick={() => setEditing(u)}>
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                          <ActionIcon
                            variant="subtle"
                            color="red.9"
                            aria-label={t('orgUnits.deleteAction', { name: u.name })}
                            onClick={() => {
                              remove.reset();
                              setDeleting(u);
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
              <Pager
                page={list.data.page}
                pageSize={list.data.pageSize}
                total={list.data.total}
                onChange={(p) => update({ page: String(p) })}
              />
            )}
          </>
        )}
      </Stack>

      {editing && (
        <OrgUnitFormModal
          unit={editing === 'new' ? undefined : editing}
          defaultParent={!q && parent.data ? parent.data : null}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={!!deleting}
        title={t('orgUnits.deleteTitle')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(null)}
      >
        {t('orgUnits.deleteText', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </>
  );
}
