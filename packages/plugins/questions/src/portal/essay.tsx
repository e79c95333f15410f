import { Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import type { QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { EssayAnswer, EssayData, EssayReview, EssayView } from '../essay';
import { countWords } from '../answers';
import { FeedbackField, PromptEditor, QuestionBody } from './shared';
import { fill, texts, type Texts } from './texts';

function wordHint(t: Texts, min?: number, max?: number): string | undefined {
  if (min && max) return fill(t.wordRange, { min, max });
  if (min) return fill(t.wordMin, { min });
  if (max) return fill(t.wordMax, { max });
  return undefined;
}

const wholeNumber = (v: string | number) => (typeof v === 'number' && v >= 1 ? Math.floor(v) : undefined);

export const essayPortal: QuestionTypePortal<EssayData, EssayView, EssayAnswer, EssayReview> = {
  key: 'essay',
  title: { id: 'Esai', en: 'Essay' },
  initialData: () => ({ prompt: '' }),
  Editor: ({ data, onChange, lang, errors }) => {
    const t = texts(lang);
    const set = (patch: Partial<EssayData>) => onChange({ ...data, ...patch });
    return (
      <Stack gap="md">
        <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
        <FeedbackField label={t.rubric} description={t.rubricHint} value={data.rubric} t={t} error={errors.rubric} onChange={(rubric) => set({ rubric })} />
        <Group grow>
          <NumberInput
            label={`${t.minWords} ${t.optional}`}
            min={1}
            max={5000}
            allowDecimal={false}
            value={data.minWords ?? ''}
            error={errors.minWords}
            onChange={(v) => set({ minWords: wholeNumber(v) })}
          />
          <NumberInput
            label={`${t.maxWords} ${t.optional}`}
            min={1}
            max={5000}
            allowDecimal={false}
            value={data.maxWords ?? ''}
            error={errors.maxWords}
            onChange={(v) => set({ maxWords: wholeNumber(v) })}
          />
        </Group>
        <FeedbackField label={t.feedback} description={t.feedbackHint} value={data.feedback} t={t} error={errors.feedback} onChange={(feedback) => set({ feedback })} />
      </Stack>
    );
  },
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    const countId = `${idPrefix}-words`;
    return (
      <QuestionBody prompt={view.prompt} lang={lang}>
        <Textarea
          id={`${idPrefix}-essay`}
          label={t.essayAnswer}
          description={wordHint(t, view.minWords, view.maxWords)}
          autosize
          minRows={6}
          maxLength={20_000}
          value={answer ?? ''}
          disabled={readOnly}
          aria-describedby={countId}
          onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        />
        <Text id={countId} size="xs" c="dimmed" ta="right">
          {fill(t.wordCount, { count: countWords(answer ?? '') })}
        </Text>
      </QuestionBody>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <Text size="sm" fw={500}>
          {t.yourAnswer}:
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {answer?.trim() ? answer : t.notAnswered}
        </Text>
        <Text size="sm" c="dimmed">
          {t.essayReview}
        </Text>
      </QuestionBody>
    );
  },
};
