import { Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Course, UpdateCourse } from '@cakap/contracts';
import { useUpdateCourse } from '../../api/courses';
import { useTemplates } from '../../api/certificates';
import { hasRole, useSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * A course's certificate settings in the studio: automatic issuance on completion, and (for
 * admins, who manage templates) which template. Saved at once: they are not course content,
 * so no new revision or review is needed.
 */
export function CourseCertificatePanel({ course, readOnly }: { course: Course; readOnly: boolean }) {
  const { t } = useTranslation();
  const isAdmin = hasRole(useSession(), 'admin');
  const update = useUpdateCourse(course.id);
  const templates = useTemplates({ pageSize: 100, archived: false }, isAdmin);
  const save = async (body: UpdateCourse) => {
    try {
      await update.mutateAsync(body);
      notifications.show({ color: 'green', message: t('certificates.courseSettings.saved') });
    } catch {
      // shown below
    }
  };
  const options = [
    { value: '', label: t('certificates.courseSettings.templateDefault') },
    ...(templates.data?.items ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name })),
  ];
  return (
    <Paper withBorder p="md" maw={720}>
      <Stack>
        <Title order={2} fz="h4">
          {t('certificates.courseSettings.title')}
        </Title>
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <Switch
          label={t('certificates.courseSettings.auto')}
          description={t('certificates.courseSettings.autoHint')}
          checked={course.certificateAuto}
          disabled={readOnly || update.isPending}
          onChange={(e) => void save({ certificateAuto: e.currentTarget.checked })}
        />
        {isAdmin ? (
          <Select
            label={t('certificates.courseSettings.template')}
            data={options}
            value={course.certificateTemplateId ?? ''}
            onChange={(v) => void save({ certificateTemplateId: v || null })}
            allowDeselect={false}
            disabled={readOnly || update.isPending}
            maw={420}
          />
        ) : (
          // Authors cannot read templates (an admin's setting): they only learn whether it is the default.
          !course.certificateTemplateId && (
            <Text size="sm" c="dimmed">
              {t('certificates.courseSettings.template')}: {t('certificates.courseSettings.templateDefault')}
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}
