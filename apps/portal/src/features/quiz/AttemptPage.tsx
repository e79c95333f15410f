import { Skeleton, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAttempt } from '../../api/quiz';
import { useEnrollment } from '../../api/learning';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { QuizPlayer } from './QuizPlayer';
import { QuizResult } from './QuizResult';

/** The lesson holding a block, for "back to the lesson". */
function useLessonOf(enrollmentId: string, blockKey: string | undefined): string | undefined {
  const enrollment = useEnrollment(enrollmentId);
  if (!blockKey || !enrollment.data) return undefined;
  for (const m of enrollment.data.content.modules) for (const l of m.lessons) if (l.blocks.some((b) => b.key === blockKey)) return l.key;
  return undefined;
}

/** `/belajar/:enrollmentId/kuis/:attemptId`: an open attempt is played, a submitted one shows its result. */
export function AttemptPage() {
  const { enrollmentId = '', attemptId = '' } = useParams();
  const { t } = useTranslation();
  const attempt = useAttempt(attemptId);
  const lessonKey = useLessonOf(enrollmentId, attempt.data?.blockKey);
  const lessonHref = `/belajar/${enrollmentId}${lessonKey ? `/${lessonKey}` : ''}`;
  const back = <BackLink to={lessonHref}>{t('quiz.backToLesson')}</BackLink>;

  if (attempt.error) {
    return (
      <>
        <PageHeader title={t('quiz.title')} before={back} />
        <ErrorAlert error={attempt.error} onRetry={() => void attempt.refetch()} />
      </>
    );
  }
  if (!attempt.data) {
    return (
      <Stack gap="md" maw={760} aria-busy="true">
        <Skeleton height={32} width="60%" />
        <Skeleton height={56} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  const a = attempt.data;
  if (a.status === 'open') return <QuizPlayer key={a.id} attempt={a} receivedAt={attempt.dataUpdatedAt} back={back} onRefetch={() => void attempt.refetch()} />;
  return <QuizResult attempt={a} back={back} lessonHref={lessonHref} />;
}
