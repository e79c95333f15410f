import { useState } from 'react';
import { Checkbox, List, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { QuestionEditorProps, QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { ShortAnswerAnswer, ShortAnswerData, ShortAnswerReview, ShortAnswerView } from '../short-answer';
import { isAccepted } from '../answers';
import { FeedbackField, PromptEditor, QuestionBody, VerdictBadge } from './shared';
import { texts } from './texts';

function ShortAnswerEditor({ data, onChange, lang, errors }: QuestionEditorProps<ShortAnswerData>) {
  const t = texts(lang);
  // The text as typed (blank lines included while typing); the data holds the non-empty lines.
  const [lines, setLines] = useState(() => (data.accepted ?? []).join('\n'));
  const set = (patch: Partial<ShortAnswerData>) => onChange({ ...data, ...patch });
  const acceptedError = errors.accepted ?? Object.entries(errors).find(([k]) => k.startsWith('accepted.'))?.[1];
  return (
    <Stack gap="md">
      <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
      <Textarea
        label={t.accepted}
        description={t.acceptedHint}
        withAsterisk
        autosize
        minRows={2}
        value={lines}
        error={acceptedError}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setLines(value);
          set({ accepted: value.split('\n').map((l) => l.trim()).filter(Boolean) });
        }}
      />
      <Checkbox label={t.caseSensitive} checked={!!data.caseSensitive} onChange={(e) => set({ caseSensitive: e.currentTarget.checked })} />
      <FeedbackField label={t.feedback} description={t.feedbackHint} value={data.feedback} t={t} error={errors.feedback} onChange={(feedback) => set({ feedback })} />
    </Stack>
  );
}

export const shortAnswerPortal: QuestionTypePortal<ShortAnswerData, ShortAnswerView, ShortAnswerAnswer, ShortAnswerReview> = {
  key: 'short_answer',
  title: { id: 'Isian singkat', en: 'Short answer' },
  initialData: () => ({ prompt: '', accepted: [], caseSensitive: false }),
  Editor: ShortAnswerEditor,
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang}>
        <TextInput
          id={`${idPrefix}-answer`}
          label={t.yourAnswerInput}
          value={answer ?? ''}
          maxLength={500}
          disabled={readOnly}
          // Phone keyboards "correct" words into other words: let the learner type what they mean.
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        />
      </QuestionBody>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    const right = isAccepted(answer ?? '', review.acceptedAnswers, review.caseSensitive);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <VerdictBadge verdict={!answer ? 'none' : right ? 'right' : 'wrong'} t={t} />
        <Text size="sm">
          {t.yourAnswer}: {answer || t.notAnswered}
        </Text>
        <div>
          <Text size="sm">{t.acceptedAnswers}:</Text>
          <List size="sm">
            {review.acceptedAnswers.map((a) => (
              <List.Item key={a}>{a}</List.Item>
            ))}
          </List>
        </div>
      </QuestionBody>
    );
  },
};
