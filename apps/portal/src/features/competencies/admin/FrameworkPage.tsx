import { useState } from 'react';
import { Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconPlus, IconSend, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { updateFrameworkSchema, type CompetencyNode, type FrameworkTree } from '@cakap/contracts';
import {
  useDeleteCompetency,
  useDeleteFramework,
  useFramework,
  usePublishFramework,
  useRetireFramework,
  useUpdateFramework,
} from '../../../api/competencies';
import { BackLink } from '../../../components/BackLink';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { applyServerErrors, useZodForm } from '../../../components/zodForm';
import { formatDate } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { FrameworkStatusBadge } from './badges';
import { CompetencyFormModal } from './CompetencyFormModal';
import { CompetencyTree } from './CompetencyTree';
import { FrameworkExport } from './ExportMenu';
import { FrameworkFields } from './FrameworkFormModal';
import { FRAMEWORK_FIELDS, frameworkInput, frameworkValues, type FrameworkValues } from './frameworkValues';
import { parentIdOf } from './treeView';

/** /admin/competencies/:id */
export function FrameworkPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const framework = useFramework(id);
  if (!framework.data) {
    return (
      <>
        <PageHeader title={t('competencyAdmin.frameworks.title')} before={<BackLink to="/admin/competencies">{t('competencyAdmin.framework.back')}</BackLink>} />
        {framework.error ? <ErrorAlert error={framework.error} onRetry={() => void framework.refetch()} /> : <Skeleton height={400} />}
      </>
    );
  }
  return <FrameworkView framework={framework.data} />;
}

type Confirming = 'publish' | 'retire' | 'delete' | null;
/** The competency dialog: add (under a parent or at the top) or edit. */
type Editing = { competency?: CompetencyNode; parentId: string | null } | null;

function FrameworkView({ framework }: { framework: FrameworkTree }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const publish = usePublishFramework(framework.id);
  const retire = useRetireFramework(framework.id);
  const removeFramework = useDeleteFramework();
  const removeCompetency = useDeleteCompetency();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<CompetencyNode | null>(null);

  const action = { publish, retire, delete: removeFramework }[confirming ?? 'publish'];
  const onConfirm = async () => {
    try {
      if (confirming === 'delete') {
        await removeFramework.mutateAsync(framework.id);
        notifications.show({ color: 'green', message: t('competencyAdmin.framework.deleted', { name: framework.name }) });
        navigate('/admin/competencies');
      } else if (confirming) {
        await (confirming === 'publish' ? publish : retire).mutateAsync(undefined);
        notifications.show({ color: 'green', message: t(`competencyAdmin.framework.${confirming === 'publish' ? 'published' : 'retired'}`, { name: framework.name }) });
      }
      setConfirming(null);
    } catch {
      // shown in the dialog
    }
  };
  const ask = (what: Confirming) => {
    publish.reset();
    retire.reset();
    removeFramework.reset();
    setConfirming(what);
  };

  const onDeleteCompetency = async () => {
    if (!deleting) return;
    try {
      await removeCompetency.mutateAsync(deleting.id);
      notifications.show({ color: 'green', message: t('competencyAdmin.tree.deleted', { name: deleting.name }) });
      setDeleting(null);
    } catch {
      // shown in the dialog
    }
  };

  const stamp =
    framework.status === 'retired' && framework.retiredAt
      ? t('competencyAdmin.framework.retiredAt', { date: formatDate(framework.retiredAt, lang) })
      : framework.publishedAt
        ? t('competencyAdmin.framework.publishedAt', { date: formatDate(framework.publishedAt, lang) })
        : null;

  return (
    <>
      <PageHeader
        title={framework.name}
        before={<BackLink to="/admin/competencies">{t('competencyAdmin.framework.back')}</BackLink>}
        description={
          <Group gap="xs" component="span">
            <FrameworkStatusBadge status={framework.status} />
            {[framework.publisher, `${t('competencyAdmin.frameworks.version')} ${framework.version}`, stamp].filter(Boolean).join(' · ')}
          </Group>
        }
        actions={
          <>
            <FrameworkExport framework={framework} />
            {framework.status === 'published' ? (
              <Button variant="default" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => ask('retire')}>
                {t('competencyAdmin.framework.retire')}
              </Button>
            ) : (
              <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => ask('publish')}>
                {t('competencyAdmin.framework.publish')}
              </Button>
            )}
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="tree-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} fz="h4" id="tree-title">
                {t('competencyAdmin.tree.title')}
              </Title>
              <Button size="sm" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ parentId: null })}>
                {t('competencyAdmin.tree.add')}
              </Button>
            </Group>
            {framework.competencies.length === 0 ? (
              <EmptyBlock message={t('competencyAdmin.tree.empty')} />
            ) : (
              <CompetencyTree
                nodes={framework.competencies}
                label={t('competencyAdmin.tree.label', { name: framework.name })}
                onAddChild={(parent) => setEditing({ parentId: parent.id })}
                onEdit={(node) => setEditing({ competency: node, parentId: parentIdOf(framework.competencies, node.id) })}
                onDelete={(node) => {
                  removeCompetency.reset();
                  setDeleting(node);
                }}
              />
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          {/* Re-read only when the metadata itself changed on the server, not after every tree edit. */}
          <FrameworkDetails key={JSON.stringify(frameworkValues(framework))} framework={framework} />
          <Button mt="md" variant="default" color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => ask('delete')}>
            {t('competencyAdmin.framework.delete')}
          </Button>
        </Grid.Col>
      </Grid>

      {editing && (
        <CompetencyFormModal framework={framework} competency={editing.competency} parentId={editing.parentId} onClose={() => setEditing(null)} />
      )}
      <ConfirmModal
        opened={!!confirming}
        title={t(`competencyAdmin.framework.${confirming ?? 'publish'}Title`)}
        confirmLabel={confirming === 'delete' ? t('common.delete') : t(`competencyAdmin.framework.${confirming ?? 'publish'}`)}
        color={confirming === 'publish' ? undefined : 'red'}
        loading={action.isPending}
        error={action.error}
        onConfirm={() => void onConfirm()}
        onClose={() => setConfirming(null)}
      >
        {t(`competencyAdmin.framework.${confirming ?? 'publish'}Text`, { name: framework.name })}
      </ConfirmModal>
      <ConfirmModal
        opened={!!deleting}
        title={t('competencyAdmin.tree.deleteTitle')}
        confirmLabel={t('common.delete')}
        loading={removeCompetency.isPending}
        error={removeCompetency.error}
        onConfirm={() => void onDeleteCompetency()}
        onClose={() => setDeleting(null)}
      >
        {t('competencyAdmin.tree.deleteText', { name: deleting ? `${deleting.code} ${deleting.name}` : '' })}
      </ConfirmModal>
    </>
  );
}

/** The framework's metadata, saved with PATCH. */
function FrameworkDetails({ framework }: { framework: FrameworkTree }) {
  const { t } = useTranslation();
  const update = useUpdateFramework(framework.id);
  const [error, setError] = useState<unknown>(null);
  const form = useZodForm<FrameworkValues>({
    initialValues: frameworkValues(framework),
    schema: updateFrameworkSchema,
    toInput: frameworkInput,
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    try {
      await update.mutateAsync(updateFrameworkSchema.parse(frameworkInput(values)));
      notifications.show({ color: 'green', message: t('competencyAdmin.framework.saved') });
    } catch (e) {
      if (!applyServerErrors(form, e, FRAMEWORK_FIELDS)) setError(e);
    }
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'lg' }} component="section" aria-labelledby="details-title">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} fz="h4" id="details-title">
            {t('competencyAdmin.framework.details')}
          </Title>
          {error ? <ErrorAlert error={error} /> : null}
          <FrameworkFields form={form} />
          <Text size="xs" c="dimmed">
            {t('competencyAdmin.framework.statusLine', { status: t(`competencyAdmin.status.${framework.status}`) })}
          </Text>
          <Button type="submit" loading={update.isPending} w="fit-content">
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
