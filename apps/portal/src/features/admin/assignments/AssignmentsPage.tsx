import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '@cakap/contracts';
import { useAssignments, useCancelAssignment } from '../../../api/assignments';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { useListParams } from '../../../hooks/useListParams';
import { formatDate, formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { AssignmentFormModal } from './AssignmentFormModal';

const PAGE_SIZE = 20;

/** Mandatory training: courses assigned to units, positions or listed staff, with their progress. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { page, update } = useListParams();
  const list = useAssignments({ page, pageSize: PAGE_SIZE });
  const cancel = useCancelAssignment();
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<Assignment | null>(null);
  const items = list.data?.items ?? [];

  const targetOf = (a: Assignment) =>
    a.targetKind === 'users' ? t('assignments.usersCount', { n: formatNumber(a.userIds?.length ?? 0, lang) }) : (a.targetLabel ?? t('common.none'));

  const addButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
      {t('assignments.add')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('assignments.title')} description={t('assignments.intro')} actions={addButton} />
      <Stack gap="md">
        <ListState query={list} isEmpty={items.length === 0} empty={<EmptyBlock message={t('assignments.empty')} action={addButton} />}>
          <ListTable
            caption={t('assignments.tableCaption')}
            minWidth={820}
            busy={list.isFetching}
            withActions
            columns={[
              { label: t('assignments.course') },
              { label: t('assignments.target') },
              { label: t('assignments.dueAt') },
              { label: t('assignments.assigned'), numeric: true, hideOnPhone: true },
              { label: t('assignments.enrolled'), numeric: true, hideOnPhone: true },
              { label: t('assignments.completed'), numeric: true, hideOnPhone: true },
              { label: t('assignments.overdue'), numeric: true, hideOnPhone: true },
            ]}
          >
            {items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td fw={500}>
                  {a.courseTitle}
                  {a.note && (
                    <Text size="xs" c="dimmed">
                      {a.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{targetOf(a)}</Text>
                  <Group gap={4}>
                    <Badge variant="outline" color="cakap" tt="none">
                      {t(`assignments.kind_${a.targetKind}`)}
                    </Badge>
                    {a.targetKind === 'org_unit' && a.includeSubUnits && (
                      <Badge variant="outline" color="gray.7" tt="none">
                        {t('assignments.includeSubUnits')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDate(a.dueAt, lang)}</Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(a.counts.assigned, lang)}
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(a.counts.enrolled, lang)}
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(a.counts.completed, lang)}
                </Table.Td>
                <Table.Td ta="right" visibleFrom="sm">
                  {formatNumber(a.counts.overdue, lang)}
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('assignments.cancelAction', { title: a.courseTitle })}
                      onClick={() => {
                        cancel.reset();
                        setCancelling(a);
                      }}
                    >
                      <IconX size={18} aria-hidden />
                    </ActionIcon>
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

      {creating && <AssignmentFormModal onClose={() => setCreating(false)} />}
      <ConfirmModal
        opened={!!cancelling}
        title={t('assignments.cancelTitle')}
        confirmLabel={t('assignments.cancel')}
        loading={cancel.isPending}
        error={cancel.error}
        onClose={() => setCancelling(null)}
        onConfirm={async () => {
          if (!cancelling) return;
          try {
            await cancel.mutateAsync(cancelling.id);
            notifications.show({ color: 'green', message: t('assignments.cancelled', { title: cancelling.courseTitle }) });
            setCancelling(null);
          } catch {
            // shown in the dialog
          }
        }}
      >
        {t('assignments.cancelText', { title: cancelling?.courseTitle ?? '' })}
      </ConfirmModal>
    </>
  );
}
