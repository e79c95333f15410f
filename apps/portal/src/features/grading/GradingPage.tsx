import { useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PendingGrading } from '@cakap/contracts';
import { useGradeAnswer, usePendingGrading } from '../../api/quiz';
import { EmptyBlock } from '../../components/EmptyBlock';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListState } from '../../components/ListState';
import { PageHeader } from '../../components/PageHeader';
import { Pager } from '../../components/Pager';
import { useListParams } from '../../hooks/useListParams';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { QuestionAnswer } from '../../plugins';

const PAGE_SIZE = 10;

/** "Penilaian esai": answers waiting for an author (their courses) or an admin (all). */
export function GradingPage() {
  const { t } = useTranslation();
  const { page, update } = useListParams();
  const list = usePendingGrading({ page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('grading.title')} description={t('grading.intro')} />
      <ListState query={list} isEmpty={items.length === 0} empty={<EmptyBlock message={t('grading.empty')} />} skeletonHeight={160}>
        <Stack gap="md" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('grading.listLabel')}>
          {items.map((item) => (
            <li key={`${item.attemptId}-${item.slot}`}>
              <GradingCard item={item} />
            </li>
          ))}
        </Stack>
        {list.data && <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onChange={(p) => update({ page: String(p) })} />}
      </ListState>
    </>
  );
}

function GradingCard({ item }: { item: PendingGrading }) {
  const { t } = useTranslation();
  const lang = useLang();
  const grade = useGradeAnswer();
  const [score, setScore] = useState<number | ''>('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const headingId = `grading-${item.attemptId}-${item.slot}`;
  const type = item.type;

  const onGrade = async () => {
    if (score === '' || score < 0 || score > item.points) {
      setError(t('grading.scoreRange', { points: formatNumber(item.points, lang) }));
      return;
    }
    setError(null);
    try {
      await grade.mutateAsync({ attemptId: item.attemptId, slot: item.slot, body: { score, comment: comment.trim() } });
      notifications.show({ color: 'green', message: t('grading.done', { name: item.learner.name }) });
    } catch {
      // shown below
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <div>
            <Title order={2} fz="h4" id={headingId}>
              {item.learner.name}
            </Title>
            <Text size="sm" c="dimmed">
              {item.learner.nip} · {item.courseTitle} · {formatDateTime(item.submittedAt, lang)}
            </Text>
          </div>
          <Badge variant="outline" tt="none">
            {t('grading.points', { points: formatNumber(item.points, lang) })}
          </Badge>
        </Group>
        <QuestionAnswer type={type} view={item.view} answer={item.answer ?? undefined} onChange={() => undefined} readOnly lang={lang} idPrefix={headingId} />
        <Group align="flex-start" gap="sm">
          <NumberInput
            label={t('grading.score')}
            description={t('grading.scoreHint', { points: formatNumber(item.points, lang) })}
            min={0}
            max={item.points}
            step={0.5}
            value={score}
            error={error}
            onChange={(v) => setScore(typeof v === 'number' ? v : '')}
            w={{ base: '100%', xs: 200 }}
          />
          <Textarea label={t('grading.comment')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} />
        </Group>
        {grade.error ? <ErrorAlert error={grade.error} /> : null}
        <Button leftSection={<IconCheck size={16} aria-hidden />} onClick={() => void onGrade()} loading={grade.isPending} w="fit-content">
          {t('grading.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
