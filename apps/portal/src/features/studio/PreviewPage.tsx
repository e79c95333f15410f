import { Alert, Skeleton, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCourse } from '../../api/courses';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { LessonView } from '../learning/LessonView';
import { readLocalDraft } from './draft';

/** The draft as a learner will see it; unsaved edits of this browser included. */
export function PreviewPage() {
  const { t } = useTranslation();
  const { id = '', lessonKey } = useParams();
  const course = useCourse(id);
  const back = <BackLink to={`/studio/courses/${id}${lessonKey ? `?lesson=${lessonKey}` : ''}`}>{t('preview.back')}</BackLink>;
  if (course.error) {
    return (
      <>
        <PageHeader title={t('preview.title')} before={back} />
        <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />
      </>
    );
  }
  if (!course.data) return <Skeleton height={240} aria-busy="true" />;
  const local = readLocalDraft(id);
  const content = local?.content ?? course.data.content;
  const fileUrls = { ...course.data.fileUrls, ...(local?.fileUrls ?? {}) };
  return (
    <>
      <PageHeader title={course.data.title} before={back} />
      <Stack gap="md">
        <Alert variant="light" color="cakap" icon={<IconEye aria-hidden />} p="xs">
          <Text size="sm">{t('preview.banner')}</Text>
        </Alert>
        <LessonView content={content} fileUrls={fileUrls} lessonKey={lessonKey} hrefFor={(k) => `/studio/courses/${id}/preview/${k}`} />
      </Stack>
    </>
  );
}
