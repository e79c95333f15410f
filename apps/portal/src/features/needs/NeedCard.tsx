import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LearningNeed } from '@cakap/contracts';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { NeedStatusBadge } from './NeedStatusBadge';
import { VoteButton } from './VoteButton';

/** One proposal on the board: its title (to its page), status, competency, proposer, reason and support. */
export function NeedCard({ need }: { need: LearningNeed }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`need-${need.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Anchor component={Link} to={`/kebutuhan/${need.id}`} fw={600} id={`need-${need.id}`} style={{ overflowWrap: 'anywhere' }}>
            {need.title}
          </Anchor>
          <NeedStatusBadge status={need.status} />
        </Group>
        <Group gap={6}>
          {need.competency && (
            <Badge variant="default" tt="none">
              {need.competency.code} {need.competency.name}
            </Badge>
          )}
          <Badge variant="default" tt="none">
            {t(`needs.forms.${need.preferredForm}`)}
          </Badge>
        </Group>
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-line' }}>
          {need.reason}
        </Text>
        <Text size="xs" c="dimmed">
          {need.proposer.unitName ? t('needs.byUnit', { name: need.proposer.name, unit: need.proposer.unitName }) : t('needs.by', { name: need.proposer.name })}{' '}
          {t('needs.on', { date: formatDate(need.createdAt, lang) })}
        </Text>
        <Group justify="space-between" gap="sm">
          <VoteButton need={need} />
          <Group gap={4} c="dimmed">
            <IconMessageCircle size={16} aria-hidden />
            <Text size="sm">{t('needs.comments', { formatted: formatNumber(need.comments, lang) })}</Text>
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
