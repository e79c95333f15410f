import { useState } from 'react';
import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useDeleteNeed, useLearningNeed } from '../../api/needs';
import { hasRole, useSession } from '../../api/session';
import { BackLink } from '../../components/BackLink';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CommentThread } from './CommentThread';
import { NeedFormModal } from './NeedFormModal';
import { NeedStatusBadge } from './NeedStatusBadge';
import { usePlanText } from './planText';
import { TriageForm } from './TriageForm';
import { VoteButton } from './VoteButton';

/** A need's page: what was proposed, the decision (a declined need says why), support, the discussion, and the admins' triage. */
export function NeedPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const session = useSession();
  const query = useLearningNeed(id);
  const remove = useDeleteNeed();
  const planText = usePlanText();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const back = <BackLink to="/kebutuhan">{t('needs.detail.back')}</BackLink>;

  if (query.error) {
    return (
      <>
        {back}
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const need = query.data;
  if (!need) return <Skeleton height={240} aria-busy="true" />;

  const isAdmin = hasRole(session, 'admin');
  const mayChange = isAdmin || (session.user?.id === need.proposer.id && need.status === 'proposed');
  const plan = planText(need.plan);

  return (
    <>
      <PageHeader
        before={back}
        title={need.title}
        description={
          need.proposer.unitName
            ? `${t('needs.byUnit', { name: need.proposer.name, unit: need.proposer.unitName })} ${t('needs.on', { date: formatDate(need.createdAt, lang) })}`
            : `${t('needs.by', { name: need.proposer.name })} ${t('needs.on', { date: formatDate(need.createdAt, lang) })}`
        }
        actions={
          mayChange && (
            <>
              <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('needs.detail.edit')}
              </Button>
              <Button variant="outline" color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('needs.detail.delete')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group gap="xs">
              <NeedStatusBadge status={need.status} />
              <Badge variant="default" tt="none">
                {t(`needs.forms.${need.preferredForm}`)}
              </Badge>
            </Group>
            <div>
              <Title order={2} size="h4">
                {t('needs.detail.reason')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{need.reason}</Text>
            </div>
            <div>
              <Title order={2} size="h4">
                {t('needs.detail.competency')}
              </Title>
              <Text>{need.competency ? `${need.competency.code} ${need.competency.name} · ${need.competency.frameworkName}` : t('needs.noCompetency')}</Text>
            </div>
            <VoteButton need={need} />
          </Stack>
        </Paper>
        {(need.status !== 'proposed' || need.decisionReason) && (
          <Paper withBorder p="md" component="section" aria-labelledby="decision-title" data-testid="decision">
            <Stack gap={4}>
              <Group gap="xs">
                <Title order={2} size="h4" id="decision-title">
                  {t('needs.detail.decision')}
                </Title>
                <NeedStatusBadge status={need.status} />
              </Group>
              {plan && (
                <Text size="sm">
                  {t('needs.detail.plan')}: {plan}
                </Text>
              )}
              {need.decisionReason && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {need.status === 'declined' ? t('needs.detail.declinedReason') : t('needs.detail.decisionReason')}: {need.decisionReason}
                </Text>
              )}
            </Stack>
          </Paper>
        )}
        {/* Keyed by the decision, so the form starts again from what was saved. */}
        {isAdmin && <TriageForm key={`${need.status}-${need.plan?.year}-${need.plan?.kind}`} need={need} />}
        <CommentThread needId={need.id} />
      </Stack>
      {editing && <NeedFormModal need={need} onClose={() => setEditing(false)} />}
      <ConfirmModal
        opened={deleting}
        title={t('needs.detail.deleteTitle')}
        confirmLabel={t('needs.detail.delete')}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(need.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: t('needs.detail.deleted') });
              void navigate('/kebutuhan');
            },
          })
        }
      >
        {t('needs.detail.deleteText', { title: need.title })}
      </ConfirmModal>
    </>
  );
}
