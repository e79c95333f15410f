import { useEffect, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Attempt } from '@cakap/contracts';
import { statusColors } from '../../app/theme';
import { invalidateAfterSubmit, useQuizState, useStartAttempt } from '../../api/quiz';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { QuestionReview } from '../../plugins';
import { AttemptHeader, OutcomeBadge } from './QuizFacts';
import { answerStorageKey } from './answerQueue';
import { attemptPath } from './paths';

interface Props {
  attempt: Attempt;
  back: ReactNode;
  lessonHref: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A submitted attempt: score, pass or not (or waiting for an essay's grade), the review when allowed, and what next. */
export function QuizResult({ attempt, back, lessonHref }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const state = useQuizState(attempt.enrollmentId, attempt.blockKey);
  const start = useStartAttempt(attempt.enrollmentId, attempt.blockKey);
  const result = attempt.result;

  // Graded by the worker (time up) or just now: the lesson must show the new completion, and
  // answers this device still held (refused after the deadline) will never be sent.
  useEffect(() => {
    invalidateAfterSubmit(qc, attempt);
    try {
      window.localStorage.removeItem(answerStorageKey(attempt.id));
    } catch {
      /* storage disabled: nothing kept */
    }
  }, [qc, attempt]);

  const needsGrading = attempt.status === 'needs_grading';
  const byItem = new Map(result?.items.map((r) => [r.slot, r]) ?? []);

  const onRetry = async () => {
    const next = await start.mutateAsync();
    navigate(attemptPath(attempt.enrollmentId, next.id));
  };

  return (
    <Stack gap="md" maw={760} w="100%">
      <AttemptHeader attempt={attempt} back={back} />

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="quiz-result">
        <Stack gap="sm">
          <Title order={2} fz="h3" id="quiz-result">
            {t('quiz.result.title')}
          </Title>
          {result ? (
            <>
              <Text fz="xl" fw={700} data-testid="quiz-score">
                {t('quiz.result.score', { score: formatNumber(round(result.score), lang), max: formatNumber(round(result.max), lang), percent: formatNumber(round(result.percent), lang) })}
              </Text>
              <Group gap="xs">
                <OutcomeBadge passed={result.passed} needsGrading={needsGrading} />
                <Text size="sm">{t('quiz.result.passAt', { percent: String(attempt.passPercent) })}</Text>
              </Group>
            </>
          ) : (
            <Text>{t('quiz.result.pending')}</Text>
          )}
          {needsGrading && <Text size="sm">{t('quiz.result.needsGradingText')}</Text>}
          {attempt.submittedBy === 'deadline' && (
            <Alert color="orange" variant="light">
              <Text size="sm">{t('quiz.result.byDeadline')}</Text>
            </Alert>
          )}
          {attempt.submittedAt && (
            <Text size="sm" c="dimmed">
              {t('quiz.result.submittedAt', { at: formatDateTime(attempt.submittedAt, lang) })}
            </Text>
          )}
          {start.error ? <ErrorAlert error={start.error} /> : null}
          <Group gap="sm">
            <Button component={Link} to={lessonHref} leftSection={<IconArrowBackUp size={16} aria-hidden />}>
              {t('quiz.backToLesson')}
            </Button>
            {state.data?.canStart && !state.data.openAttemptId && (
              <Button variant="default" onClick={() => void onRetry()} loading={start.isPending} leftSection={<IconRefresh size={16} aria-hidden />}>
                {t('quiz.tryAgain')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>

      {result && (
        <section aria-labelledby="quiz-review">
          <Title order={2} fz="h3" id="quiz-review" mb="sm">
            {result.reviewAllowed ? t('quiz.result.reviewTitle') : t('quiz.result.scoresTitle')}
          </Title>
          {!result.reviewAllowed && (
            <Text size="sm" c="dimmed" mb="sm">
              {t('quiz.result.reviewHidden')}
            </Text>
          )}
          <Stack gap="sm">
            {attempt.items.map((item, i) => {
              const r = byItem.get(item.slot);
              return (
                <Paper key={item.slot} withBorder p="md" radius="md" component="article" aria-labelledby={`review-${item.slot}`}>
                  <Stack gap="xs">
                    <Group justify="space-between" gap="xs">
                      <Title order={3} fz="h5" id={`review-${item.slot}`}>
                        {t('quiz.questionOf', { n: String(i + 1), total: String(attempt.items.length) })}
                      </Title>
                      {r && (
                        <Badge variant="outline" tt="none" color={r.needsGrading ? statusColors.warning : statusColors.neutral}>
                          {r.needsGrading || r.score === null
                            ? t('quiz.outcome.needsGrading')
                            : t('quiz.result.itemScore', { score: formatNumber(round(r.score), lang), max: formatNumber(round(r.max), lang) })}
                        </Badge>
                      )}
                    </Group>
                    {result.reviewAllowed && r?.review !== undefined && (
                      <div data-plugin-review>
                        <QuestionReview type={item.type} view={item.view} answer={item.answer ?? undefined} review={r.review} lang={lang} />
                      </div>
                    )}
                    {r?.feedback && <Text size="sm">{r.feedback}</Text>}
                    {r?.comment && (
                      <Text size="sm">
                        <Text span fw={600}>
                          {t('quiz.result.comment')}
                        </Text>{' '}
                        {r.comment}
                      </Text>
                    )}
                  </Stack>
                </Paper>
              );
            })}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
