import { useState } from 'react';
import { Alert, Button, Group, Paper, Skeleton, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconHistory, IconRestore, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CourseWithContent, FieldError } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useCourseAction, useCourseEvents, useCourseVersions } from '../../api/courses';
import { hasRole, useSession } from '../../api/session';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatStamp } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CourseStatusLine } from './CourseStatusBadge';

/** Submit for review / withdraw, then who published what and when. */
export function WorkflowPanel({
  course,
  canSubmit,
  beforeSubmit,
  onUnfinished,
}: {
  course: CourseWithContent;
  canSubmit: boolean;
  beforeSubmit: () => Promise<boolean>;
  /** A submission refused because blocks are unfinished: the editor marks them. */
  onUnfinished: (errors: FieldError[]) => void;
}) {
  const { t } = useTranslation();
  const action = useCourseAction(course.id);
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const isOwner = course.authors.some((a) => a.role === 'owner' && a.id === session.user?.id);
  const [archiving, setArchiving] = useState(false);
  const archive = async () => {
    try {
      await action.mutateAsync({ action: 'archive' });
      setArchiving(false);
      notifications.show({ message: t('workflow.archived') });
    } catch {
      // shown in the modal
    }
  };
  const submit = async () => {
    if (!(await beforeSubmit())) return;
    try {
      await action.mutateAsync({ action: 'submit-review' });
    } catch (e) {
      if (isApiError(e) && e.errors.length) onUnfinished(e.errors);
      throw e;
    }
    notifications.show({ color: 'green', message: t('workflow.submitted') });
  };
  const withdraw = async () => {
    await action.mutateAsync({ action: 'withdraw' });
    notifications.show({ message: t('workflow.withdrawn') });
  };
  return (
    <Stack gap="lg" maw={860}>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} fz="h4">
            {t('workflow.title')}
          </Title>
          <CourseStatusLine course={course} />
          <Text size="sm">{t(`workflow.explain.${course.status}`)}</Text>
          {action.error ? <ErrorAlert error={action.error} /> : null}
          <Group>
            {course.status === 'draft' && (
              <Button leftSection={<IconSend size={16} aria-hidden />} loading={action.isPending} disabled={!canSubmit} onClick={() => void submit().catch(() => undefined)}>
                {t('workflow.submit')}
              </Button>
            )}
            {course.status === 'in_review' && (
              <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} loading={action.isPending} onClick={() => void withdraw().catch(() => undefined)}>
                {t('workflow.withdraw')}
              </Button>
            )}
            {course.status !== 'archived' && (isOwner || isAdmin) && (
              <Button variant="subtle" color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => setArchiving(true)}>
                {t('workflow.archive')}
              </Button>
            )}
            {course.status === 'archived' && isAdmin && (
              <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} loading={action.isPending} onClick={() => action.mutate({ action: 'restore' })}>
                {t('workflow.restore')}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
      <ConfirmModal
        opened={archiving}
        title={t('workflow.archiveTitle')}
        confirmLabel={t('workflow.archive')}
        loading={action.isPending}
        error={action.error}
        onConfirm={() => void archive()}
        onClose={() => setArchiving(false)}
      >
        {t('workflow.archiveText')}
      </ConfirmModal>
      <VersionHistory courseId={course.id} />
      <EventsTimeline courseId={course.id} />
    </Stack>
  );
}

export function VersionHistory({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const versions = useCourseVersions(courseId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="versions-title">
      <Title order={2} fz="h4" id="versions-title">
        {t('workflow.versions')}
      </Title>
      {versions.error ? <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} /> : null}
      {versions.isPending ? (
        <Skeleton height={60} />
      ) : (versions.data ?? []).length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('workflow.noVersions')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={520}>
          <Table striped aria-labelledby="versions-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workflow.version')}</Table.Th>
                <Table.Th>{t('workflow.publishedBy')}</Table.Th>
                <Table.Th>{t('workflow.publishedAt')}</Table.Th>
                <Table.Th>{t('workflow.hash')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(versions.data ?? []).map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>v{v.version}</Table.Td>
                  <Table.Td>{v.publishedBy.name}</Table.Td>
                  <Table.Td>{formatStamp(v.publishedAt, lang)}</Table.Td>
                  <Table.Td>
                    <Text span ff="monospace" size="sm" title={v.hash}>
                      {v.hash.slice(0, 8)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function EventsTimeline({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const events = useCourseEvents(courseId);
  return (
    <Stack gap="sm" component="section" aria-labelledby="events-title">
      <Title order={2} fz="h4" id="events-title">
        {t('workflow.events')}
      </Title>
      {events.error ? <ErrorAlert error={events.error} onRetry={() => void events.refetch()} /> : null}
      {events.isPending ? (
        <Skeleton height={60} />
      ) : (events.data ?? []).length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('workflow.noEvents')}
        </Text>
      ) : (
        <Timeline bulletSize={22} lineWidth={2} active={-1}>
          {(events.data ?? []).map((e) => (
            <Timeline.Item key={e.id} bullet={<IconHistory size={12} aria-hidden />} title={t(`workflow.event.${e.kind}`, { version: e.version != null ? String(e.version) : '' })}>
              <Text size="sm" c="dimmed">
                {e.actor.name} · {formatStamp(e.createdAt, lang)}
              </Text>
              {e.comment && (
                <Alert variant="light" color={e.kind === 'rejected' ? 'orange' : 'gray'} mt={4} p="xs">
                  <Text size="sm">“{e.comment}”</Text>
                </Alert>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
