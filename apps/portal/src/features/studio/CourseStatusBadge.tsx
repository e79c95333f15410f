import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Course, CourseStatus } from '@cakap/contracts';
import { statusColors } from '../../app/theme';

const COLORS: Record<CourseStatus, string> = {
  draft: statusColors.neutral,
  in_review: statusColors.warning,
  published: statusColors.success,
  archived: statusColors.danger,
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={COLORS[status]}>
      {t(`courseStatus.${status}`)}
    </Badge>
  );
}

/** The status and, once published, "v2 · ada perubahan". */
export function CourseStatusLine({ course }: { course: Pick<Course, 'status' | 'publishedVersion' | 'hasUnpublishedChanges'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <CourseStatusBadge status={course.status} />
      {course.publishedVersion != null && (
        <Text size="xs" c="dimmed">
          {course.hasUnpublishedChanges
            ? t('studio.versionChanged', { version: String(course.publishedVersion) })
            : t('studio.version', { version: String(course.publishedVersion) })}
        </Text>
      )}
    </Group>
  );
}
