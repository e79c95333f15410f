import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Select, Stack, Table, Text } from '@mantine/core';
import { IconDots, IconFileImport, IconKey, IconPencil, IconPlayerPlay, IconPlayerPause, IconPlus } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { statusColors } from '../../../app/theme';
import { formatNip, ROLES, roleSchema } from '@cakap/contracts';
import { useUsers } from '../../../api/users';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ListState } from '../../../components/ListState';
import { ListTable } from '../../../components/ListTable';
import { OrgUnitSelect } from '../../../components/OrgUnitSelect';
import { PageHeader } from '../../../components/PageHeader';
import { Pager } from '../../../components/Pager';
import { SearchField } from '../../../components/SearchField';
import { useListParams } from '../../../hooks/useListParams';
import { UserAccountDialogs, type AccountAction } from './UserAccountActions';

const PAGE_SIZE = 20;

export function UsersPage() {
  const { t } = useTranslation();
  const { params, q, page, update, setFilter, clear } = useListParams();
  // The form returns to this list with its search and filters.
  const back = { back: useLocation().search };
  const orgUnitId = params.get('unit') || undefined;
  const roleParsed = roleSchema.safeParse(params.get('role'));
  const role = roleParsed.success ? roleParsed.data : undefined;
  const activeParam = params.get('active');
  const active = activeParam === 'true' ? true : activeParam === 'false' ? false : undefined;
  const list = useUsers({ q: q || undefined, orgUnitId, role, active, page, pageSize: PAGE_SIZE });
  const [action, setAction] = useState<AccountAction>(null);
  const filtered = !!(q || orgUnitId || role || active !== undefined);
  const items = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          <>
            <Button component={Link} to="/admin/imports" variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
              {t('users.import')}
            </Button>
            <Button component={Link} to="/admin/users/new" state={back} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('users.add')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" role="search" aria-label={t('users.filters')}>
          <SearchField
            label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            value={q}
            onChange={(v) => setFilter('q', v)}
          />
          <OrgUnitSelect
            label={t('users.unitFilter')}
            placeholder={t('users.allUnits')}
            value={orgUnitId ?? null}
            onChange={(id) => setFilter('unit', id)}
            w={{ base: '100%', sm: 260 }}
          />
          <Select
            label={t('users.roleFilter')}
            data={[{ value: '', label: t('users.allRoles') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
            value={role ?? ''}
            allowDeselect={false}
            onChange={(v) => setFilter('role', v)}
            w={{ base: '100%', xs: 180 }}
          />
          <Select
            label={t('users.statusFilter')}
            data={[
              { value: '', label: t('users.allStatuses') },
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
            value={activeParam === 'true' || activeParam === 'false' ? activeParam : ''}
            allowDeselect={false}
            onChange={(v) => setFilter('active', v)}
            w={{ base: '100%', xs: 160 }}
          />
        </Group>

        <ListState
          query={list}
          isEmpty={items.length === 0}
          skeletonHeight={44}
          empty={
            <EmptyBlock
              message={filtered ? t('users.emptyFiltered') : t('users.empty')}
              action={
                filtered ? (
                  <Button variant="default" onClick={clear}>
                    {t('users.clearFilters')}
                  </Button>
                ) : (
                  <Group>
                    <Button component={Link} to="/admin/users/new" state={back} leftSection={<IconPlus size={16} aria-hidden />}>
                      {t('users.add')}
                    </Button>
                    <Button component={Link} to="/admin/imports" variant="default">
                      {t('users.import')}
                    </Button>
                  </Group>
                )
              }
            />
          }
        >
          <ListTable
            caption={t('users.tableCaption')}
            minWidth={760}
            busy={list.isFetching}
            withActions
            columns={[
              { label: t('users.name') },
              { label: t('users.nip'), hideOnPhone: true },
              { label: t('users.orgUnit'), hideOnPhone: true },
              { label: t('users.roles'), hideOnPhone: true },
              { label: t('users.status') },
            ]}
          >
            {items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/users/${u.id}`} state={back} fw={500}>
                    {u.name}
                  </Anchor>
                  {u.email && (
                    <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                      {u.email}
                    </Text>
                  )}
                  <Text size="xs" hiddenFrom="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatNip(u.nip)}
                  </Text>
                  <Text size="xs" c="dimmed" hiddenFrom="sm">
                    {u.orgUnit.name}
                  </Text>
                </Table.Td>
                <Table.Td visibleFrom="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {formatNip(u.nip)}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{u.orgUnit.name}</Text>
                  {u.position && (
                    <Text size="xs" c="dimmed">
                      {u.position.name}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td visibleFrom="sm">
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="outline" color={r === 'admin' ? 'red.9' : 'cakap'} tt="none" size="sm">
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="outline" color={u.active ? statusColors.success : 'gray.7'} tt="none">
                    {u.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" aria-label={t('common.actionsFor', { name: u.name })}>
                        <IconDots size={18} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item component={Link} to={`/admin/users/${u.id}`} state={back} leftSection={<IconPencil size={16} aria-hidden />}>
                        {t('common.edit')}
                      </Menu.Item>
                      <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setAction({ kind: 'reset', user: u })}>
                        {t('users.resetPassword')}
                      </Menu.Item>
                      <Menu.Item
                        color={u.active ? 'red' : undefined}
                        leftSection={u.active ? <IconPlayerPause size={16} aria-hidden /> : <IconPlayerPlay size={16} aria-hidden />}
                        onClick={() => setAction({ kind: 'toggle', user: u })}
                      >
                        {u.active ? t('users.deactivate') : t('users.activate')}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </ListTable>
          {list.data && (
            <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => update({ page: String(p) })} />
          )}
        </ListState>
      </Stack>
      <UserAccountDialogs action={action} onClose={() => setAction(null)} />
    </>
  );
}
