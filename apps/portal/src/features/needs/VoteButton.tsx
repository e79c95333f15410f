import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconThumbUp, IconThumbUpFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { VOTABLE_STATUSES, type LearningNeed } from '@cakap/contracts';
import { useToggleVote } from '../../api/needs';
import { useSession } from '../../api/session';
import { useErrorMessage } from '../../components/ErrorAlert';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/**
 * Support for a need: a toggle button (aria-pressed) and its count, announced when it changes.
 * The proposer sees the count only (one cannot support one's own need), as does everyone once
 * the need is planned or declined.
 */
export function VoteButton({ need }: { need: LearningNeed }) {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const errorMessage = useErrorMessage();
  const toggle = useToggleVote(need.id);
  const own = session.user?.id === need.proposer.id;
  const open = VOTABLE_STATUSES.includes(need.status);
  const count = (
    <Text size="sm" fw={600} aria-live="polite" data-testid="vote-count">
      {t('needs.vote.count', { count: need.votes, formatted: formatNumber(need.votes, lang) })}
    </Text>
  );
  if (own || !open) {
    return (
      <Group gap="xs">
        {count}
        <Text size="xs" c="dimmed">
          {own ? t('needs.vote.own') : t('needs.vote.closed')}
        </Text>
      </Group>
    );
  }
  return (
    <Group gap="xs">
      <Button
        size="compact-md"
        variant={need.votedByMe ? 'filled' : 'outline'}
        aria-pressed={need.votedByMe}
        aria-label={t('needs.vote.label', { title: need.title })}
        loading={toggle.isPending}
        leftSection={need.votedByMe ? <IconThumbUpFilled size={16} aria-hidden /> : <IconThumbUp size={16} aria-hidden />}
        onClick={() => toggle.mutate(!need.votedByMe, { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) })}
      >
        {t('needs.vote.support')}
      </Button>
      {count}
    </Group>
  );
}
