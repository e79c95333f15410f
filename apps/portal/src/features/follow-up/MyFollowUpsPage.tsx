import { Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconClipboardHeart } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FollowUpListItem, FollowUpStatus } from '@cakap/contracts';
import { statusColors } from '../../app/theme';
import { useMyFollowUps } from '../../api/followUps';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { SearchField } from '../../components/SearchField';
import { useIsPhone } from '../../components/useIsPhone';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

const TABS = ['sent', 'answered', 'scheduled', 'expired'] as const;
type Tab = (typeof TABS)[number];

const STATUS_COLOR: Record<FollowUpStatus, string> = {
  scheduled: statusColors.neutral,
  sent: statusColors.warning,
  answered: statusColors.success,
  expired: statusColors.neutral,
  cancelled: statusColors.neutral,
};

/**
 * "Tindak lanjut": the signed-in user's follow-up surveys — about their own courses and, as a
 * direct superior, about their staff — to answer, answered, upcoming (their own, with the date)
 * and closed. The filter, search and page live in the URL, so a notification's back link returns here.
 */
export function MyFollowUpsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as Tab) : 'sent';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useMyFollowUps({ status: tab, q: q || undefined, page });
  const items = query.data?.items ?? [];
  const set = (next: Record<string, string | null>) =>
    setParams((old) => {
      const p = new URLSearchParams(old);
      for (const [k, v] of Object.entries(next)) {
        if (v) p.set(k, v);
        else p.delete(k);
      }
      return p;
    });

  return (
    <>
      <PageHeader title={t('followUp.listTitle')} description={t('followUp.listIntro')} />
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('followUp.tabsLabel')}
          value={tab}
          onChange={(v) => set({ status: v, page: null })}
          data={TABS.map((value) => ({ value, label: t(`followUp.tabs.${value}`) }))}
          orientation={isPhone ? 'vertical' : 'horizontal'}
          fullWidth
        />
        <SearchField label={t('followUp.search')} value={q} onChange={(v) => set({ q: v || null, page: null })} />
        <ListState
          query={query}
          isEmpty={items.length === 0}
          skeletonHeight={88}
          empty={<EmptyBlock icon={<IconClipboardHeart size={26} />} message={q ? t('common.noResults', { q }) : t(`followUp.empty.${tab}`)} />}
        >
          <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t(`followUp.tabs.${tab}`)}>
            {items.map((item) => (
              <FollowUpRow key={item.id} item={item} />
            ))}
          </Stack>
          {query.data && <Pager page={page} pageSize={query.data.pageSize} total={query.data.total} onChange={(p) => set({ page: String(p) })} />}
        </ListState>
      </Stack>
    </>
  );
}

function FollowUpRow({ item }: { item: FollowUpListItem }) {
  const { t } = useTranslation();
  const lang = useLang();
  const when =
    item.status === 'scheduled'
      ? t('followUp.dueOn', { date: formatDate(item.dueAt, lang) })
      : item.status === 'answered'
        ? t('followUp.answeredOn', { date: formatDate(item.answeredAt, lang) })
        : item.status === 'sent' && item.closesAt
          ? t('followUp.closesOn', { date: formatDate(item.closesAt, lang) })
          : t('followUp.sentOn', { date: formatDate(item.sentAt, lang) });
  const open = item.status === 'sent';
  return (
    <Paper component="li" withBorder p="md" data-testid="follow-up-item">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Group gap="xs">
            <Text fw={600}>{item.course.title}</Text>
            <Badge variant="outline" color={STATUS_COLOR[item.status]} tt="none">
              {t(`followUp.status.${item.status}`)}
            </Badge>
          </Group>
          <Text size="sm">{item.subject ? t('followUp.aboutEmployee', { name: item.subject.name }) : t('followUp.aboutSelf')}</Text>
          <Text size="sm" c="dimmed">
            {when}
          </Text>
        </Stack>
        {item.status !== 'scheduled' ? (
          <Button
            component={Link}
            to={`/tindak-lanjut/${item.id}`}
            variant={open ? 'filled' : 'default'}
            aria-label={open ? t('followUp.answerNamed', { course: item.course.title }) : t('followUp.viewNamed', { course: item.course.title })}
          >
            {open ? t('followUp.answer') : t('followUp.view')}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}
