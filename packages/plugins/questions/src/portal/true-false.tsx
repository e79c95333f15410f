import { Group, Radio, Stack, Text } from '@mantine/core';
import type { QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { TrueFalseAnswer, TrueFalseData, TrueFalseReview, TrueFalseView } from '../true-false';
import { FeedbackField, PromptEditor, QuestionBody, VerdictBadge } from './shared';
import { texts } from './texts';

const toValue = (b: boolean | undefined) => (b === undefined ? null : b ? 'true' : 'false');

export const trueFalsePortal: QuestionTypePortal<TrueFalseData, TrueFalseView, TrueFalseAnswer, TrueFalseReview> = {
  key: 'true_false',
  title: { id: 'Benar/Salah', en: 'True/false' },
  initialData: () => ({ prompt: '', correct: true }),
  Editor: ({ data, onChange, lang, errors }) => {
    const t = texts(lang);
    const set = (patch: Partial<TrueFalseData>) => onChange({ ...data, ...patch });
    return (
      <Stack gap="md">
        <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
        <Radio.Group label={`${t.correctAnswer}: ${t.statementIs}`} value={toValue(data.correct)} onChange={(v) => set({ correct: v === 'true' })} error={errors.correct}>
          <Group mt="xs">
            <Radio value="true" label={t.true} />
            <Radio value="false" label={t.false} />
          </Group>
        </Radio.Group>
        <FeedbackField label={t.feedbackTrue} value={data.feedbackTrue} t={t} error={errors.feedbackTrue} onChange={(feedbackTrue) => set({ feedbackTrue })} />
        <FeedbackField label={t.feedbackFalse} value={data.feedbackFalse} t={t} error={errors.feedbackFalse} onChange={(feedbackFalse) => set({ feedbackFalse })} />
        <FeedbackField label={t.feedback} description={t.feedbackHint} value={data.feedback} t={t} error={errors.feedback} onChange={(feedback) => set({ feedback })} />
      </Stack>
    );
  },
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang}>
        <Radio.Group label={t.statementIs} value={toValue(answer)} onChange={(v) => onChange(v === 'true')} name={`${idPrefix}-tf`}>
          <Group mt="xs">
            <Radio id={`${idPrefix}-true`} value="true" label={t.true} disabled={readOnly} />
            <Radio id={`${idPrefix}-false`} value="false" label={t.false} disabled={readOnly} />
          </Group>
        </Radio.Group>
      </QuestionBody>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    const word = (b: boolean) => (b ? t.true : t.false);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <VerdictBadge verdict={answer === undefined ? 'none' : answer === review.correctAnswer ? 'right' : 'wrong'} t={t} />
        <Text size="sm">
          {t.yourAnswer}: {answer === undefined ? t.notAnswered : word(answer)}
        </Text>
        <Text size="sm">
          {t.correctAnswer}: {word(review.correctAnswer)}
        </Text>
      </QuestionBody>
    );
  },
};
