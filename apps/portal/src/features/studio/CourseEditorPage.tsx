import { useCallback } from 'react';
import { Alert, Button, Group, Modal, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { IconEye, IconMessageExclamation, IconReportAnalytics } from '@tabler/icons-react';
import { Link, useBlocker, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CourseWithContent } from '@cakap/contracts';
import type { UploadedFile } from '@cakap/plugin-sdk/portal';
import { uploadFile, useContentTypes, useCourse } from '../../api/courses';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { CoauthorsPanel } from './CoauthorsPanel';
import { CompetencyTargetsPanel } from './CompetencyTargetsPanel';
import { CourseCertificatePanel } from '../certificates/CourseCertificatePanel';
import { SurveyPanel } from '../evaluation/SurveyPanel';
import { FollowUpPanel } from '../follow-up/FollowUpPanel';
import { CourseStatusLine } from './CourseStatusBadge';
import { MetadataForm } from './MetadataForm';
import { OutlineEditor } from './OutlineEditor';
import { SaveIndicator } from './SaveIndicator';
import { useContentDraft } from './useContentDraft';
import { WorkflowPanel } from './WorkflowPanel';

const TABS = ['outline', 'metadata', 'competencies', 'survey', 'certificate', 'workflow', 'authors'] as const;
type Tab = (typeof TABS)[number];

export function CourseEditorPage() {
  const { id } = useParams();
  const course = useCourse(id);
  const { t } = useTranslation();
  if (course.error) {
    return (
      <>
        <PageHeader title={t('editor.title')} before={<BackToStudio />} />
        <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />
      </>
    );
  }
  if (!course.data) {
    return (
      <Stack aria-busy="true">
        <Skeleton height={36} width="50%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  return <Editor key={course.data.id} course={course.data} />;
}

function BackToStudio() {
  const { t } = useTranslation();
  return <BackLink to="/studio">{t('editor.back')}</BackLink>;
}

function Editor({ course }: { course: CourseWithContent }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab') as Tab | null;
  const tab: Tab = tabParam && TABS.includes(tabParam) ? tabParam : 'outline';
  const lesson = params.get('lesson') ?? undefined;
  const editable = course.status === 'draft' || course.status === 'published';
  const draft = useContentDraft(course, editable);
  const types = useContentTypes();

  const upload = useCallback(
    async (file: File, kind: 'image' | 'video' | 'document'): Promise<UploadedFile> => {
      const stored = await uploadFile(file, kind, course.id);
      draft.addFileUrl(stored.id, stored.url);
      return { id: stored.id, url: stored.url, fileName: stored.fileName, mimeType: stored.mimeType };
    },
    [course.id, draft.addFileUrl],
  );
  const fileUrl = useCallback((fid: string) => draft.fileUrls[fid], [draft.fileUrls]);

  const setParam = (k: string, v: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );

  // In-app navigation away with unsaved edits asks first (the preview reads the local draft).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      draft.unsaved && currentLocation.pathname !== nextLocation.pathname && !nextLocation.pathname.startsWith(`/studio/courses/${course.id}/preview`),
  );

  const flush = async () => {
    if (draft.state === 'dirty' || draft.state === 'error') await draft.save();
  };
  const preview = async () => {
    await flush();
    navigate(`/studio/courses/${course.id}/preview${lesson ? `/${lesson}` : ''}`);
  };

  return (
    <>
      <PageHeader
        before={<BackToStudio />}
        title={course.title}
        description={<CourseStatusLine course={course} />}
        actions={
          <>
            <SaveIndicator state={draft.state} onRetry={() => void draft.save()} />
            <Button variant="default" leftSection={<IconEye size={16} aria-hidden />} onClick={() => void preview()}>
              {t('editor.preview')}
            </Button>
            <Button variant="default" component={Link} to={`/studio/courses/${course.id}/laporan`} leftSection={<IconReportAnalytics size={16} aria-hidden />}>
              {t('reports.nav')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {course.status === 'draft' && course.reviewComment && (
          <Alert color="orange" variant="light" icon={<IconMessageExclamation aria-hidden />} title={t('editor.rejectedTitle')} data-testid="review-comment">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {course.reviewComment}
            </Text>
            <Text size="xs" mt={6}>
              {t('editor.rejectedHint')}
            </Text>
          </Alert>
        )}
        {!editable && (
          <Alert color="blue" variant="light">
            <Text size="sm">{t(`editor.readOnly.${course.status}`)}</Text>
          </Alert>
        )}
        {draft.restored && draft.state !== 'conflict' && (
          <Alert color="gray" variant="light" withCloseButton={false}>
            <Text size="sm">{t('editor.restored')}</Text>
          </Alert>
        )}
        {draft.state === 'conflict' && (
          <Alert color="red" variant="light" role="alert" title={t('editor.conflictTitle')}>
            <Text size="sm">{t('editor.conflictText')}</Text>
            <Group mt="sm" gap="xs">
              <Button size="xs" color="red" onClick={() => void draft.keepMine()}>
                {t('editor.keepMine')}
              </Button>
              <Button size="xs" variant="default" onClick={() => void draft.takeTheirs()}>
                {t('editor.takeTheirs')}
              </Button>
            </Group>
          </Alert>
        )}
        {draft.state === 'error' && draft.error && !Object.keys(draft.errors.blocks).length && !Object.keys(draft.errors.titles).length ? (
          <ErrorAlert error={draft.error} title={t('save.error')} onRetry={() => void draft.save()} />
        ) : null}
        {/* Marks come from a refused save, or from a refused submission (unfinished blocks). */}
        {(Object.keys(draft.errors.blocks).length > 0 || Object.keys(draft.errors.titles).length > 0 || draft.errors.other.length > 0) && (
          <Alert color="red" variant="light" role="alert">
            {Object.keys(draft.errors.blocks).length > 0 || Object.keys(draft.errors.titles).length > 0 ? (
              <Text size="sm">{t('editor.fixMarked')}</Text>
            ) : null}
            {draft.errors.other.map((m) => (
              <Text size="sm" key={m}>
                {m}
              </Text>
            ))}
          </Alert>
        )}

        <Tabs value={tab} onChange={(v) => setParam('tab', v && v !== 'outline' ? v : undefined)} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="outline">{t('editor.tabs.outline')}</Tabs.Tab>
            <Tabs.Tab value="metadata">{t('editor.tabs.metadata')}</Tabs.Tab>
            <Tabs.Tab value="competencies">{t('courseTargets.tab')}</Tabs.Tab>
            <Tabs.Tab value="certificate">{t('certificates.courseSettings.title')}</Tabs.Tab>
            <Tabs.Tab value="survey">{t('surveyEditor.tab')}</Tabs.Tab>
            <Tabs.Tab value="workflow">{t('editor.tabs.workflow')}</Tabs.Tab>
            <Tabs.Tab value="authors">{t('editor.tabs.authors')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="outline">
            <OutlineEditor
              content={draft.content}
              onChange={draft.update}
              errors={draft.errors}
              readOnly={!editable}
              contentTypes={types.data ?? []}
              fileUrl={fileUrl}
              upload={upload}
              selected={lesson}
              onSelect={(k) => setParam('lesson', k)}
            />
          </Tabs.Panel>
          <Tabs.Panel value="metadata">
            <MetadataForm course={course} readOnly={!editable} />
          </Tabs.Panel>
          <Tabs.Panel value="competencies">
            <CompetencyTargetsPanel course={course} readOnly={!editable} />
          </Tabs.Panel>
          <Tabs.Panel value="certificate">
            <CourseCertificatePanel course={course} readOnly={!editable} />
          </Tabs.Panel>
          <Tabs.Panel value="survey">
            <Stack gap="lg">
              <SurveyPanel course={course} readOnly={!editable} />
              <FollowUpPanel course={course} readOnly={!editable} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="workflow">
            <WorkflowPanel
              course={course}
              canSubmit={draft.state !== 'conflict'}
              beforeSubmit={async () => {
                await flush();
                return true;
              }}
              onUnfinished={(errors) => {
                draft.showErrors(errors);
                setParam('tab', undefined);
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="authors">
            <CoauthorsPanel course={course} />
          </Tabs.Panel>
        </Tabs>
      </Stack>

      <Modal opened={blocker.state === 'blocked'} onClose={() => blocker.reset?.()} title={t('editor.leaveTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text size="sm">{t('editor.leaveText')}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
            {t('editor.stay')}
          </Button>
          <Button color="red" onClick={() => blocker.proceed?.()}>
            {t('editor.leave')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
