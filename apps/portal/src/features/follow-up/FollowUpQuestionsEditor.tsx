import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_DIMENSIONS, type FollowUpDimension, type FollowUpQuestion } from '@cakap/contracts';
import { QuestionRow } from '../evaluation/QuestionRow';
import { addQuestion, changeType, editQuestions, type QuestionsDraft } from './followUpDraft';

interface Props {
  /** `learnerQuestions` or `superiorQuestions`: the prefix of the api's field errors. */
  field: 'learnerQuestions' | 'superiorQuestions';
  legend: string;
  draft: QuestionsDraft;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (draft: QuestionsDraft) => void;
}

/**
 * A compact editor of one role's follow-up questionnaire: each question's text, type, the
 * level-3 aspect a scale question measures, and whether it is required. Ids stay as they are
 * (stored answers point to them); new questions get fresh ones.
 */
export function FollowUpQuestionsEditor({ field, legend, draft, errors, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const edit = (change: (qs: FollowUpQuestion[]) => FollowUpQuestion[]) => onChange(editQuestions(draft, change));
  const update = (index: number, next: FollowUpQuestion) => edit((qs) => qs.map((q, i) => (i === index ? next : q)));
  const dimensionOptions = FOLLOW_UP_DIMENSIONS.map((d) => ({ value: d, label: t(`followUpPanel.dimensions.${d}`) }));
  const listError = errors[field];

  return (
    <Fieldset legend={legend} data-testid={`follow-up-${field}`}>
      <Stack gap="sm">
        {!draft.custom ? (
          <Text size="sm" c="dimmed">
            {t('followUpPanel.questionsDefault')}
          </Text>
        ) : null}
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {draft.questions.map((q, i) => (
            <QuestionRow
              key={q.id}
              index={i}
              count={draft.questions.length}
              question={q}
              errors={{ text: errors[`${field}.${i}.text`], dimension: errors[`${field}.${i}.dimension`] }}
              readOnly={readOnly}
              dimensionOptions={dimensionOptions}
              onText={(text) => update(i, { ...q, text })}
              onType={(type) => update(i, changeType(q, type))}
              onDimension={(dimension) => update(i, { ...q, dimension: dimension as FollowUpDimension } as FollowUpQuestion)}
              onRequired={(required) => update(i, { ...q, required })}
              onRemove={() => edit((qs) => qs.filter((_, j) => j !== i))}
            />
          ))}
        </Stack>
        {listError ? (
          <Text c="red.8" size="sm" role="alert">
            {listError}
          </Text>
        ) : null}
        {!readOnly ? (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => edit((qs) => addQuestion(qs, 'likert'))}>
              {t('surveyEditor.addLikert')}
            </Button>
            <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => edit((qs) => addQuestion(qs, 'text'))}>
              {t('surveyEditor.addText')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
