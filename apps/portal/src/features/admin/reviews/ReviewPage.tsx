import { useState } from 'react';
import { Alert, Button, Group, Modal, Paper, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCircleCheck, IconRocket } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { issueMessage, rejectSchema } from '@cakap/contracts';
import { useCourse, useCourseAction } from '../../../api/courses';
import { BackLink } from '../../../components/BackLink';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useLang } from '../../../i18n/useLang';
import { LessonView } from '../../learning/LessonView';
import { CourseStatusLine } from '../../studio/CourseStatusBadge';
import { EventsTimeline } from '../../studio/WorkflowPanel';

/** One course under review: the draft as learners will see it, then publish or send back. */
export function ReviewPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { id = '' } = useParams();
  const course = useCourse(id);
  const action = useCourseAction(id);
  const [lesson, setLesson] = useState<string>();
  const [publishing, setPublishing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [published, setPublished] = useState<number | null>(null);
  const [rejected, setRejected] = useState(false);

  const back = <BackLink to="/admin/reviews">{t('reviews.back')}</BackLink>;
  if (course.error) {
    return (
      <>
        <PageHeader title={t('reviews.title')} before={back} />
        <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />
      </>
    );
  }
  if (!course.data) return <Skeleton height={240} aria-busy="true" />;
  const c = course.data;

  const publish = async () => {
    try {
      const res = await action.mutateAsync({ action: 'publish' });
      setPublished(res?.publishedVersion ?? res?.version ?? (c.publishedVersion ?? 0) + 1);
      setPublishing(false);
    } catch {
      // shown in the modal
    }
  };
  const reject = async () => {
    const parsed = rejectSchema.safeParse({ comment });
    if (!parsed.success) {
      setCommentError(issueMessage(parsed.error.issues[0], lang, { comment }).message);
      return;
    }
    try {
      await action.mutateAsync({ action: 'reject', comment: parsed.data.comment });
      setRejecting(false);
      setRejected(true);
      setComment('');
    } catch {
      // shown in the modal
    }
  };

  return (
    <>
      <PageHeader
        before={back}
        title={c.title}
        description={<CourseStatusLine course={c} />}
        actions={
          c.status === 'in_review' ? (
            <>
              <Button variant="default" color="red" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => setRejecting(true)}>
                {t('reviews.reject')}
              </Button>
              <Button leftSection={<IconRocket size={16} aria-hidden />} onClick={() => setPublishing(true)}>
                {t('reviews.publish')}
              </Button>
            </>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {published != null && (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} role="status" title={t('reviews.publishedTitle', { version: String(published) })}>
            <Text size="sm">{t('reviews.publishedText')}</Text>
          </Alert>
        )}
        {rejected && (
          <Alert color="orange" variant="light" role="status">
            <Text size="sm">{t('reviews.rejectedText')}</Text>
          </Alert>
        )}
        {c.status !== 'in_review' && published == null && !rejected && (
          <Alert color="gray" variant="light">
            <Text size="sm">{t('reviews.notInReview')}</Text>
          </Alert>
        )}
        <Paper withBorder p="md">
          <Stack gap={4}>
            <Text size="sm">{c.summary}</Text>
            <Text size="sm" c="dimmed">
              {t('reviews.facts', { jp: String(c.jp), form: c.developmentForm, authors: c.authors.map((a) => a.name).join(', ') })}
            </Text>
          </Stack>
        </Paper>
        <Stack gap="sm" component="section" aria-labelledby="review-preview">
          <Title order={2} fz="h3" id="review-preview">
            {t('reviews.preview')}
          </Title>
          <LessonView content={c.content} fileUrls={c.fileUrls} lessonKey={lesson} onSelect={setLesson} headingLevel={3} />
        </Stack>
        <EventsTimeline courseId={c.id} />
      </Stack>

      <ConfirmModal
        opened={publishing}
        title={t('reviews.publishTitle')}
        confirmLabel={t('reviews.publish')}
        color="cakap"
        loading={action.isPending}
        error={action.error}
        onConfirm={() => void publish()}
        onClose={() => setPublishing(false)}
      >
        {t('reviews.publishText', { version: String((c.publishedVersion ?? 0) + 1) })}
      </ConfirmModal>
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title={t('reviews.rejectTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void reject();
          }}
        >
          <Stack>
            <Textarea
              label={t('reviews.comment')}
              description={t('reviews.commentHint')}
              required
              autosize
              minRows={3}
              data-autofocus
              value={comment}
              error={commentError}
              onChange={(e) => {
                setComment(e.currentTarget.value);
                setCommentError(null);
              }}
            />
            {action.error ? <ErrorAlert error={action.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRejecting(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={action.isPending}>
                {t('reviews.rejectSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
