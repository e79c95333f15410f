import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Button, Group, Paper, Select, Skeleton, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SURVEY_DIMENSIONS, type Course, type CourseSurvey, type SurveyDimension, type SurveyQuestion } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useCourseSurvey, useResetCourseSurvey, useSaveCourseSurvey } from '../../api/evaluation';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  addQuestion,
  changeType,
  draftOf,
  isDraftDirty,
  moveQuestion,
  questionErrors,
  removeQuestion,
  toSurveyInput,
  updateQuestion,
  type SurveyDraft,
} from './surveyDraft';
import { SurveySummaryView } from './SurveySummaryView';

/**
 * The studio's "Survei" tab: the course's level-1 questionnaire (the default until adapted),
 * whether the certificate waits for it, and its anonymous summary. Saved explicitly (PUT), not
 * as course content: changing the survey needs no new revision or review.
 */
export function SurveyPanel({ course, readOnly }: { course: Course; readOnly: boolean }) {
  const survey = useCourseSurvey(course.id);
  if (survey.isPending) return <Skeleton h={320} />;
  if (survey.isError) return <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  return (
    <Stack maw={860}>
      <SurveyEditor survey={survey.data} readOnly={readOnly} />
      <SurveySummaryView courseId={course.id} />
    </Stack>
  );
}

function SurveyEditor({ survey, readOnly }: { survey: CourseSurvey; readOnly: boolean }) {
  const { t } = useTranslation();
  const save = useSaveCourseSurvey(survey.courseId);
  const reset = useResetCourseSurvey(survey.courseId);
  const [draft, setDraft] = useState<SurveyDraft>(() => draftOf(survey));
  const [confirmReset, setConfirmReset] = useState(false);
  // A saved or reset survey comes back from the server: start editing from it.
  useEffect(() => setDraft(draftOf(survey)), [survey]);

  const dirty = isDraftDirty(draft, draftOf(survey));
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const listError = fieldErrors.questions;

  const onSave = async () => {
    try {
      await save.mutateAsync(toSurveyInput(draft));
      notifications.show({ color: 'green', message: t('surveyEditor.saved') });
    } catch {
      // shown on the fields and above the buttons
    }
  };
  const onReset = async () => {
    try {
      await reset.mutateAsync();
      save.reset();
      setConfirmReset(false);
      notifications.show({ color: 'green', message: t('surveyEditor.resetDone') });
    } catch {
      // shown in the dialog
    }
  };

  const dimensionOptions = SURVEY_DIMENSIONS.map((d) => ({ value: d, label: t(`surveyEditor.dimensions.${d}`) }));
  const typeOptions = (['likert', 'text'] as const).map((v) => ({ value: v, label: t(`surveyEditor.types.${v}`) }));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="survey-editor">
      <Stack>
        <Title order={2} fz="h4" id="survey-editor">
          {t('surveyEditor.title')}
        </Title>
        <Text size="sm">{t('surveyEditor.intro')}</Text>
        <Text size="sm" c="dimmed" data-testid="survey-origin">
          {survey.isDefault ? t('surveyEditor.isDefault') : t('surveyEditor.isAdapted')}
          {survey.responseCount ? ` ${t('surveyEditor.answeredNote', { count: String(survey.responseCount) })}` : ''}
        </Text>
        {readOnly ? <Text size="sm">{t('surveyEditor.readOnly')}</Text> : null}
        <Switch
          label={t('surveyEditor.requiredForCertificate')}
          description={t('surveyEditor.requiredForCertificateHint')}
          checked={draft.requiredForCertificate}
          disabled={readOnly}
          onChange={(e) => {
            const requiredForCertificate = e.currentTarget.checked;
            setDraft((d) => ({ ...d, requiredForCertificate }));
          }}
        />
        <Stack component="ol" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
          {draft.questions.map((q, i) => (
            <QuestionRow
              key={q.id}
              index={i}
              count={draft.questions.length}
              question={q}
              errors={questionErrors(fieldErrors, i)}
              readOnly={readOnly}
              typeOptions={typeOptions}
              dimensionOptions={dimensionOptions}
              onDraft={setDraft}
            />
          ))}
        </Stack>
        {!readOnly ? (
          <>
            <Group gap="sm">
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDraft((d) => addQuestion(d, 'likert'))}>
                {t('surveyEditor.addLikert')}
              </Button>
              <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDraft((d) => addQuestion(d, 'text'))}>
                {t('surveyEditor.addText')}
              </Button>
            </Group>
            {listError ? (
              <Text c="red.8" size="sm" role="alert">
                {listError}
              </Text>
            ) : null}
            {save.error && !(isApiError(save.error) && save.error.errors.length) ? <ErrorAlert error={save.error} /> : null}
            {dirty ? (
              <Alert color="yellow" p="xs" role="status">
                {t('surveyEditor.unsaved')}
              </Alert>
            ) : null}
            <Group gap="sm">
              <Button onClick={() => void onSave()} loading={save.isPending} disabled={!dirty}>
                {t('surveyEditor.save')}
              </Button>
              {!survey.isDefault ? (
                <Button variant="subtle" color="red" onClick={() => setConfirmReset(true)}>
                  {t('surveyEditor.reset')}
                </Button>
              ) : null}
            </Group>
          </>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirmReset}
        title={t('surveyEditor.resetTitle')}
        confirmLabel={t('surveyEditor.reset')}
        loading={reset.isPending}
        error={reset.error}
        onConfirm={() => void onReset()}
        onClose={() => setConfirmReset(false)}
      >
        <Text>{t('surveyEditor.resetText')}</Text>
      </ConfirmModal>
    </Paper>
  );
}

interface RowProps {
  index: number;
  count: number;
  question: SurveyQuestion;
  errors: Record<string, string>;
  readOnly: boolean;
  typeOptions: { value: string; label: string }[];
  dimensionOptions: { value: string; label: string }[];
  onDraft: (update: (d: SurveyDraft) => SurveyDraft) => void;
}

function QuestionRow({ index, count, question: q, errors, readOnly, typeOptions, dimensionOptions, onDraft }: RowProps) {
  const { t } = useTranslation();
  const n = String(index + 1);
  const headingId = `survey-q-${q.id}`;
  return (
    <Paper component="li" withBorder p="sm" aria-labelledby={headingId} data-testid={`survey-question-${index}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} id={headingId}>
            {t('surveyEditor.question', { n })}
          </Text>
          {!readOnly ? (
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" aria-label={t('surveyEditor.moveUp', { n })} disabled={index === 0} onClick={() => onDraft((d) => moveQuestion(d, index, -1))}>
                <IconArrowUp size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon
                variant="subtle"
                aria-label={t('surveyEditor.moveDown', { n })}
                disabled={index === count - 1}
                onClick={() => onDraft((d) => moveQuestion(d, index, 1))}
              >
                <IconArrowDown size={18} aria-hidden />
              </ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={t('surveyEditor.remove', { n })} disabled={count === 1} onClick={() => onDraft((d) => removeQuestion(d, index))}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ) : null}
        </Group>
        <Textarea
          label={t('surveyEditor.text')}
          value={q.text}
          onChange={(e) => {
            const text = e.currentTarget.value;
            onDraft((d) => updateQuestion(d, index, { text }));
          }}
          error={errors.text}
          required
          autosize
          minRows={1}
          maxLength={500}
          readOnly={readOnly}
        />
        <Group gap="sm" align="flex-end">
          <Select
            label={t('surveyEditor.type')}
            data={typeOptions}
            value={q.type}
            allowDeselect={false}
            disabled={readOnly}
            onChange={(v) => v && onDraft((d) => changeType(d, index, v as SurveyQuestion['type']))}
            w={160}
          />
          {q.type === 'likert' ? (
            <Select
              label={t('surveyEditor.dimension')}
              data={dimensionOptions}
              value={q.dimension}
              allowDeselect={false}
              disabled={readOnly}
              error={errors.dimension}
              onChange={(v) => v && onDraft((d) => updateQuestion(d, index, { dimension: v as SurveyDimension }))}
              w={220}
            />
          ) : null}
          <Switch
            label={t('surveyEditor.required')}
            checked={q.required}
            disabled={readOnly}
            onChange={(e) => {
              const required = e.currentTarget.checked;
              onDraft((d) => updateQuestion(d, index, { required }));
            }}
            mb={8}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
