import { useEffect, useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Select, Skeleton, Stack, TagsInput, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconHistory, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Question } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useCategories, useDeleteQuestion, useQuestion, useQuestionTypes, useQuestionVersions, useSaveQuestion } from '../../api/quiz';
import { BackLink } from '../../components/BackLink';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatStamp } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { QuestionEditor, questionTypePortal, usePluginQuestionTypes } from '../../plugins';
import { splitQuestionErrors } from './questionErrors';

interface Draft {
  type: string;
  points: number;
  categoryId: string | null;
  tags: string[];
  competencyTags: string[];
  data: unknown;
}

const fromQuestion = (q: Question): Draft => ({
  type: q.type,
  points: q.points,
  categoryId: q.categoryId,
  tags: q.tags,
  competencyTags: q.competencyTags,
  data: q.data,
});

/** `/studio/banks/:bankId/questions/:questionId` (`new` to create): the question editor. */
export function QuestionEditorPage() {
  const { bankId = '', questionId = 'new' } = useParams();
  const isNew = questionId === 'new';
  const { t } = useTranslation();
  const question = useQuestion(isNew ? null : questionId);
  const back = <BackLink to={`/studio/banks/${bankId}`}>{t('questions.backToBank')}</BackLink>;
  if (question.error) {
    return (
      <>
        <PageHeader title={t('questions.editTitle')} before={back} />
        <ErrorAlert error={question.error} onRetry={() => void question.refetch()} />
      </>
    );
  }
  if (!isNew && !question.data) return <Skeleton height={320} />;
  return <Editor key={question.data ? `${question.data.id}-${question.data.version}` : 'new'} bankId={bankId} question={question.data} back={back} onReload={() => void question.refetch()} />;
}

function Editor({ bankId, question, back, onReload }: { bankId: string; question?: Question; back: React.ReactNode; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const serverTypes = useQuestionTypes();
  const portalTypes = usePluginQuestionTypes();
  const categories = useCategories(bankId);
  const save = useSaveQuestion(bankId);
  const remove = useDeleteQuestion();
  const [draft, setDraft] = useState<Draft | null>(question ? fromQuestion(question) : null);
  const [errors, setErrors] = useState<ReturnType<typeof splitQuestionErrors> | null>(null);
  const [stale, setStale] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [showVersions, setShowVersions] = useState(false);

  // Types the api grades AND this portal can edit.
  const offered = (serverTypes.data ?? []).filter((x) => questionTypePortal(x.key));
  const typeOptions = offered.length ? offered.map((x) => ({ value: x.key, label: x.title[lang] })) : portalTypes.map((x) => ({ value: x.key, label: x.title[lang] }));

  useEffect(() => {
    if (stale) window.scrollTo({ top: 0 });
  }, [stale]);

  const pickType = (type: string | null) => {
    const qt = type ? questionTypePortal(type) : undefined;
    if (!qt) return;
    setErrors(null);
    setDraft((d) => ({ type: qt.key, points: d?.points ?? 1, categoryId: d?.categoryId ?? null, tags: d?.tags ?? [], competencyTags: d?.competencyTags ?? [], data: qt.initialData() }));
  };

  const onSave = async () => {
    if (!draft) return;
    setErrors(null);
    setStale(false);
    const body = { ...draft, categoryId: draft.categoryId ?? null };
    try {
      const saved = await save.mutateAsync(question ? { id: question.id, body: { ...body, version: question.version } } : { body });
      notifications.show({ color: 'green', message: question ? t('questions.savedVersion', { n: String(saved.version) }) : t('questions.created') });
      navigate(`/studio/banks/${bankId}/questions/${saved.id}`, { replace: true });
    } catch (e) {
      if (isApiError(e) && e.status === 409 && e.code === 'quiz.staleVersion') setStale(true);
      else setErrors(splitQuestionErrors(e));
    }
  };

  const onDelete = async () => {
    if (!question) return;
    try {
      await remove.mutateAsync(question.id);
      notifications.show({ color: 'green', message: t('questions.deleted', { name: question.summary }) });
      navigate(`/studio/banks/${bankId}`);
    } catch {
      // shown in the dialog
    }
  };

  const title = question ? t('questions.editTitle') : t('questions.createTitle');
  const fieldErrors = errors?.fields ?? {};
  return (
    <Stack gap="md" maw={860}>
      <PageHeader
        title={title}
        before={back}
        description={question ? t('questions.versionN', { n: String(question.version) }) : undefined}
        actions={
          question && (
            <>
              <Button variant="default" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setShowVersions((v) => !v)} aria-expanded={showVersions}>
                {t('questions.history')}
              </Button>
              <Button variant="default" color="red.9" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      {stale && (
        <Alert color="orange" role="alert" title={t('questions.staleTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('questions.staleText')}</Text>
            <Button variant="default" w="fit-content" onClick={onReload}>
              {t('questions.reload')}
            </Button>
          </Stack>
        </Alert>
      )}
      {showVersions && question && <Versions id={question.id} />}
      {errors?.general ? <ErrorAlert error={errors.general} /> : null}
      {errors && errors.unplaced.length > 0 && (
        <Alert color="red" role="alert">
          {errors.unplaced.map((m) => (
            <Text key={m} size="sm">
              {m}
            </Text>
          ))}
        </Alert>
      )}
      <Select
        label={t('questions.type')}
        placeholder={t('questions.pickType')}
        data={typeOptions}
        value={draft?.type ?? null}
        disabled={!!question}
        description={question ? t('questions.typeFixed') : undefined}
        allowDeselect={false}
        error={fieldErrors.type}
        onChange={pickType}
        w={{ base: '100%', xs: 320 }}
      />
      {draft && (
        <>
          <Paper withBorder p="md" radius="md">
            <QuestionEditor type={draft.type} data={draft.data} lang={lang} errors={errors?.data ?? {}} onChange={(data) => setDraft({ ...draft, data })} />
          </Paper>
          <Group align="flex-start" gap="sm">
            <NumberInput
              label={t('questions.points')}
              min={0.5}
              max={100}
              step={0.5}
              decimalScale={2}
              value={draft.points}
              error={fieldErrors.points}
              onChange={(v) => setDraft({ ...draft, points: typeof v === 'number' ? v : 1 })}
              w={{ base: '100%', xs: 160 }}
            />
            <Select
              label={t('questions.category')}
              data={[{ value: '', label: t('questions.noCategory') }, ...(categories.data ?? []).map((c) => ({ value: c.id, label: c.path }))]}
              value={draft.categoryId ?? ''}
              allowDeselect={false}
              error={fieldErrors.categoryId}
              onChange={(v) => setDraft({ ...draft, categoryId: v || null })}
              w={{ base: '100%', xs: 280 }}
            />
          </Group>
          <TagsInput label={t('questions.tags')} description={t('questions.tagsHint')} value={draft.tags} error={fieldErrors.tags} onChange={(tags) => setDraft({ ...draft, tags })} clearable />
          <TagsInput
            label={t('questions.competencyTags')}
            description={t('questions.competencyHint')}
            value={draft.competencyTags}
            error={fieldErrors.competencyTags}
            onChange={(competencyTags) => setDraft({ ...draft, competencyTags })}
            clearable
          />
          <Button leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => void onSave()} loading={save.isPending} w="fit-content">
            {t('questions.save')}
          </Button>
        </>
      )}
      <ConfirmModal
        opened={deleting}
        title={t('questions.deleteTitle')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => void onDelete()}
        onClose={() => setDeleting(false)}
      >
        {t('questions.deleteText', { name: question?.summary ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

function Versions({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const versions = useQuestionVersions(id, true);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="question-versions">
      <Title order={2} fz="h4" id="question-versions" mb="xs">
        {t('questions.history')}
      </Title>
      {versions.error ? <ErrorAlert error={versions.error} /> : null}
      <Stack component="ol" gap={4} m={0} pl="md">
        {[...(versions.data ?? [])]
          .sort((a, b) => b.version - a.version)
          .map((v) => (
            <li key={v.version}>
              <Text size="sm">
                <Text span fw={600}>
                  {t('questions.versionN', { n: String(v.version) })}
                </Text>{' '}
                · {formatStamp(v.updatedAt, lang)} · {v.summary}
              </Text>
            </li>
          ))}
      </Stack>
    </Paper>
  );
}
