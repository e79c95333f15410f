import { ActionIcon, Button, Indicator, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@cakap/contracts';
import { useMarkRead, useUnreadNotifications } from '../../api/notifications';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** The header's bell: how many notifications are unread (checked every minute) and the latest of them. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadNotifications();
  const markRead = useMarkRead();
  const count = unread.data?.total ?? 0;
  const items = unread.data?.items ?? [];

  const open = (n: Notification) => {
    setOpened(false);
    markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withinPortal trapFocus shadow="md">
      {/* The Indicator wraps the target: Popover puts aria-expanded on its direct child, the button. */}
      <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} color="red.9" offset={6}>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={count ? t('notifications.bellUnread', { n: formatNumber(count, lang) }) : t('notifications.bell')}
            data-testid="notifications-bell"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown role="dialog" aria-label={t('notifications.title')}>
        <Stack gap="xs">
          {items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('notifications.noneUnread')}
            </Text>
          ) : (
            items.map((n) => (
              <UnstyledButton key={n.id} onClick={() => open(n)} p={6} style={{ borderRadius: 6 }} className="notification-item">
                <Text size="sm" fw={600}>
                  {n.title}
                </Text>
                <Text size="xs" lineClamp={2}>
                  {n.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt, lang)}
                </Text>
              </UnstyledButton>
            ))
          )}
          <Button component={Link} to="/notifikasi" variant="light" size="xs" onClick={() => setOpened(false)}>
            {t('notifications.seeAll')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
