import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconClipboardList, IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QuizBlock } from '@cakap/contracts';
import type { ViewerProps } from '@cakap/plugin-sdk/portal';
import { useQuizState, useStartAttempt } from '../../api/quiz';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { useBlockKey, useEnrollmentId } from '../../plugins/context';
import { attemptPath } from './paths';
import { OutcomeBadge, QuizFacts, RoleBadge } from './QuizFacts';

/**
 * The quiz block inside a lesson. In the player (an enrolment in context) it shows the
 * learner's state of the quiz and starts or continues an attempt; in the studio preview and
 * the admin review it shows the settings only, since attempts belong to enrolled learners.
 */
export function QuizBlockViewer({ data }: ViewerProps<QuizBlock>) {
  const enrollmentId = useEnrollmentId();
  const blockKey = useBlockKey();
  if (!enrollmentId || !blockKey) return <QuizPreview data={data} />;
  return <LearnerQuiz enrollmentId={enrollmentId} blockKey={blockKey} />;
}

function Frame({ title, role, children }: { title: string; role: QuizBlock['role']; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="center">
          <IconClipboardList size={22} aria-hidden color="var(--mantine-color-cakap-7)" />
          <Title order={3} fz="h4">
            {title}
          </Title>
          <RoleBadge role={role} />
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

function QuizPreview({ data }: { data: QuizBlock }) {
  const { t } = useTranslation();
  const count = data.selection?.mode === 'random' ? data.selection.count : (data.selection?.questionIds?.length ?? 0);
  return (
    <Frame title={data.title || t(`quiz.role.${data.role ?? 'graded'}`)} role={data.role ?? 'graded'}>
      <QuizFacts questionCount={count} timeLimitMinutes={data.timeLimitMinutes ?? null} passPercent={data.passPercent ?? 70} maxAttempts={data.maxAttempts ?? null} />
      <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden />}>
        <Text size="sm">{t('quiz.previewNote')}</Text>
      </Alert>
    </Frame>
  );
}

function LearnerQuiz({ enrollmentId, blockKey }: { enrollmentId: string; blockKey: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const state = useQuizState(enrollmentId, blockKey);
  const start = useStartAttempt(enrollmentId, blockKey);

  if (state.error) return <ErrorAlert error={state.error} onRetry={() => void state.refetch()} />;
  if (!state.data) return <Skeleton height={160} radius="md" />;
  const s = state.data;
  const submitted = s.attempts.filter((a) => a.status !== 'open');
  const last = submitted[submitted.length - 1];
  const waiting = s.attempts.some((a) => a.status === 'needs_grading');

  const onStart = async () => {
    const attempt = await start.mutateAsync();
    navigate(attemptPath(enrollmentId, attempt.id));
  };

  return (
    <Frame title={s.title || t(`quiz.role.${s.role}`)} role={s.role}>
      <QuizFacts
        questionCount={s.questionCount}
        timeLimitMinutes={s.timeLimitMinutes}
        passPercent={s.passPercent}
        maxAttempts={s.maxAttempts}
        attemptsUsed={s.attempts.length}
      />
      {s.bestPercent !== null && (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {t('quiz.best', { percent: formatNumber(Math.round(s.bestPercent * 10) / 10, lang) })}
          </Text>
          <OutcomeBadge passed={s.passed ? true : waiting ? null : false} />
        </Group>
      )}
      {start.error ? <ErrorAlert error={start.error} /> : null}
      <Group gap="sm">
        {s.openAttemptId ? (
          <Button component={Link} to={attemptPath(enrollmentId, s.openAttemptId)} leftSection={<IconPlayerPlay size={16} aria-hidden />}>
            {t('quiz.continue')}
          </Button>
        ) : s.canStart ? (
          <Button onClick={() => void onStart()} loading={start.isPending} leftSection={<IconPlayerPlay size={16} aria-hidden />}>
            {submitted.length ? t('quiz.startAgain') : t('quiz.start')}
          </Button>
        ) : (
          !s.passed && <Text size="sm">{t('quiz.noAttemptsLeft')}</Text>
        )}
        {last && (
          <Button component={Link} to={attemptPath(enrollmentId, last.id)} variant="default">
            {t('quiz.lastResult')}
          </Button>
        )}
      </Group>
    </Frame>
  );
}
