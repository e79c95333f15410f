import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMarkRead, useNotifications } from '../../api/notifications';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** Every notification of the signed-in user, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [page, setPage] = useState(1);
  const query = useNotifications(page);
  const markRead = useMarkRead();
  const items = query.data?.items ?? [];
  const anyUnread = items.some((n) => !n.readAt);
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        actions={
          anyUnread ? (
            <Button variant="default" leftSection={<IconChecks size={16} aria-hidden />} onClick={() => markRead.mutate('all')} loading={markRead.isPending}>
              {t('notifications.readAll')}
            </Button>
          ) : undefined
        }
      />
      <ListState query={query} isEmpty={items.length === 0} empty={<EmptyBlock icon={<IconBell size={26} />} message={t('notifications.empty')} />}>
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((n) => (
            <Paper key={n.id} component="li" withBorder p="md" bg={n.readAt ? undefined : 'cakap.0'}>
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2} style={{ flex: '1 1 16rem' }}>
                  <Group gap="xs">
                    <Text fw={600}>{n.title}</Text>
                    {!n.readAt && (
                      <Badge size="sm" variant="outline" color="cakap.8">
                        {t('notifications.new')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm">{n.body}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt, lang)}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {n.link && (
                    <Anchor component={Link} to={n.link} size="sm" onClick={() => !n.readAt && markRead.mutate(n.id)}>
                      {t('notifications.open')}
                    </Anchor>
                  )}
                  {!n.readAt && (
                    <Button variant="subtle" size="compact-sm" onClick={() => markRead.mutate(n.id)} aria-label={t('notifications.markReadNamed', { title: n.title })}>
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
        {query.data && <Pager page={page} pageSize={query.data.pageSize} total={query.data.total} onChange={setPage} />}
      </ListState>
    </>
  );
}
