import { useEffect, useState } from 'react';
import { Button, Group, Paper, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SURVEY_DIMENSIONS, type Course, type CourseSurvey, type SurveyDimension } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useCourseSurvey, useResetCourseSurvey, useSaveCourseSurvey } from '../../api/evaluation';
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
import { QuestionRow } from './QuestionRow';
import { EditorActions } from './EditorActions';
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
  // A saved or reset survey comes back from the server: start editing from it.
  useEffect(() => setDraft(draftOf(survey)), [survey]);

  const dirty = isDraftDirty(draft, draftOf(survey));
  const fieldErrors = isApiError(save.error) ? save.error.fieldErrors : {};
  const listError = fieldErrors.questions;

  const dimensionOptions = SURVEY_DIMENSIONS.map((d) => ({ value: d, label: t(`surveyEditor.dimensions.${d}`) }));

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
              testId={`survey-question-${i}`}
              index={i}
              count={draft.questions.length}
              question={q}
              errors={questionErrors(fieldErrors, i)}
              readOnly={readOnly}
              dimensionOptions={dimensionOptions}
              onText={(text) => setDraft((d) => updateQuestion(d, i, { text }))}
              onType={(type) => setDraft((d) => changeType(d, i, type))}
              onDimension={(dimension) => setDraft((d) => updateQuestion(d, i, { dimension: dimension as SurveyDimension }))}
              onRequired={(required) => setDraft((d) => updateQuestion(d, i, { required }))}
              onRemove={() => setDraft((d) => removeQuestion(d, i))}
              onMove={(delta) => setDraft((d) => moveQuestion(d, i, delta))}
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
            <EditorActions
              dirty={dirty}
              save={save}
              onSave={async () => {
                await save.mutateAsync(toSurveyInput(draft));
                return true;
              }}
              canReset={!survey.isDefault}
              reset={reset}
              labels={{
                save: t('surveyEditor.save'),
                saved: t('surveyEditor.saved'),
                reset: t('surveyEditor.reset'),
                resetTitle: t('surveyEditor.resetTitle'),
                resetText: t('surveyEditor.resetText'),
                resetDone: t('surveyEditor.resetDone'),
              }}
            />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
