import { Checkbox, Stack, Text } from '@mantine/core';
import type { QuestionEditorProps, QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { MultipleChoiceAnswer, MultipleChoiceData, MultipleChoiceReview, MultipleChoiceView } from '../multiple-choice';
import { ChoiceEditor, newOption, type ChoiceData } from './choice-editor';
import { FeedbackText, QuestionBody, ReviewList, ReviewRow, VerdictBadge, type Verdict } from './shared';
import { texts } from './texts';

function verdict(answer: string[] | undefined, correct: string[]): Verdict {
  if (!answer?.length) return 'none';
  const right = answer.filter((id) => correct.includes(id)).length;
  if (right === correct.length && answer.length === right) return 'right';
  return right > 0 ? 'partly' : 'wrong';
}

export const multipleChoicePortal: QuestionTypePortal<MultipleChoiceData, MultipleChoiceView, MultipleChoiceAnswer, MultipleChoiceReview> = {
  key: 'multiple_choice',
  title: { id: 'Pilihan ganda (beberapa jawaban)', en: 'Multiple choice' },
  initialData: () => ({
    prompt: '',
    options: [{ ...newOption(), correct: true }, { ...newOption(), correct: true }, newOption(), newOption()],
    partialCredit: true,
  }),
  Editor: (props) => <ChoiceEditor {...(props as QuestionEditorProps<ChoiceData>)} multiple />,
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang}>
        <Checkbox.Group label={t.chooseMany} value={answer ?? []} onChange={(ids) => onChange(ids.length ? ids : undefined)}>
          <Stack gap="xs" mt="xs">
            {view.options.map((o) => (
              <Checkbox key={o.id} id={`${idPrefix}-${o.id}`} value={o.id} label={o.text} disabled={readOnly} />
            ))}
          </Stack>
        </Checkbox.Group>
      </QuestionBody>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <VerdictBadge verdict={verdict(answer, review.correctIds)} t={t} />
        <ReviewList>
          {view.options.map((o) => {
            const picked = !!answer?.includes(o.id);
            const correct = review.correctIds.includes(o.id);
            const ok = picked === correct;
            return (
              <ReviewRow key={o.id} mark={ok ? 'right' : 'wrong'}>
                <Text size="sm" fw={picked ? 600 : 400}>
                  {o.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {picked ? t.picked : t.notPicked}
                  {' — '}
                  {ok ? t.right : correct ? t.shouldPick : t.shouldNotPick}
                </Text>
                {picked && <FeedbackText>{review.optionFeedback?.[o.id]}</FeedbackText>}
              </ReviewRow>
            );
          })}
        </ReviewList>
      </QuestionBody>
    );
  },
};
