import { Radio, Stack, Text } from '@mantine/core';
import type { QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { SingleChoiceAnswer, SingleChoiceData, SingleChoiceReview, SingleChoiceView } from '../single-choice';
import { ChoiceEditor, newOption } from './choice-editor';
import { FeedbackText, QuestionBody, ReviewList, ReviewRow, VerdictBadge } from './shared';
import { texts } from './texts';

export const singleChoicePortal: QuestionTypePortal<SingleChoiceData, SingleChoiceView, SingleChoiceAnswer, SingleChoiceReview> = {
  key: 'single_choice',
  title: { id: 'Pilihan ganda (satu jawaban)', en: 'Single choice' },
  initialData: () => ({ prompt: '', options: [{ ...newOption(), correct: true }, newOption(), newOption(), newOption()] }),
  Editor: (props) => <ChoiceEditor {...props} multiple={false} />,
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang}>
        <Radio.Group label={t.chooseOne} value={answer ?? null} onChange={(id) => onChange(id)} name={`${idPrefix}-options`}>
          <Stack gap="xs" mt="xs">
            {view.options.map((o) => (
              <Radio key={o.id} id={`${idPrefix}-${o.id}`} value={o.id} label={o.text} disabled={readOnly} />
            ))}
          </Stack>
        </Radio.Group>
      </QuestionBody>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <VerdictBadge verdict={answer === undefined ? 'none' : answer === review.correctId ? 'right' : 'wrong'} t={t} />
        <ReviewList>
          {view.options.map((o) => {
            const picked = o.id === answer;
            const correct = o.id === review.correctId;
            return (
              <ReviewRow key={o.id} mark={correct ? 'right' : picked ? 'wrong' : 'none'}>
                <Text size="sm" fw={picked || correct ? 600 : 400}>
                  {o.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {[picked && t.yourAnswer, correct && t.correctAnswer].filter(Boolean).join(' · ')}
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
