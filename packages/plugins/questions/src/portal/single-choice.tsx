import { Group, Radio, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { SingleChoiceAnswer, SingleChoiceData, SingleChoiceReview, SingleChoiceView } from '../single-choice';
import { ChoiceEditor, newOption } from './choice-editor';
import { FeedbackText, Prompt, VerdictBadge } from './shared';
import { texts } from './texts';

export const singleChoicePortal: QuestionTypePortal<SingleChoiceData, SingleChoiceView, SingleChoiceAnswer, SingleChoiceReview> = {
  key: 'single_choice',
  title: { id: 'Pilihan ganda (satu jawaban)', en: 'Single choice' },
  initialData: () => ({ prompt: '', options: [{ ...newOption(), correct: true }, newOption(), newOption(), newOption()] }),
  Editor: (props) => <ChoiceEditor {...props} multiple={false} />,
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    return (
      <Stack gap="sm">
        <Prompt html={view.prompt} lang={lang} />
        <Radio.Group label={t.chooseOne} value={answer ?? null} onChange={(id) => onChange(id)} name={`${idPrefix}-options`}>
          <Stack gap="xs" mt="xs">
            {view.options.map((o) => (
              <Radio key={o.id} id={`${idPrefix}-${o.id}`} value={o.id} label={o.text} disabled={readOnly} />
            ))}
          </Stack>
        </Radio.Group>
      </Stack>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    return (
      <Stack gap="sm">
        <Prompt html={view.prompt} lang={lang} />
        <VerdictBadge verdict={answer === undefined ? 'none' : answer === review.correctId ? 'right' : 'wrong'} t={t} />
        <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {view.options.map((o) => {
            const picked = o.id === answer;
            const correct = o.id === review.correctId;
            return (
              <li key={o.id}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  {correct ? <IconCheck size={18} color="var(--mantine-color-green-7)" aria-hidden /> : picked ? <IconX size={18} color="var(--mantine-color-red-7)" aria-hidden /> : <span style={{ width: 18 }} />}
                  <div>
                    <Text size="sm" fw={picked || correct ? 600 : 400}>
                      {o.text}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[picked && t.yourAnswer, correct && t.correctAnswer].filter(Boolean).join(' · ')}
                    </Text>
                    {picked && <FeedbackText>{review.optionFeedback?.[o.id]}</FeedbackText>}
                  </div>
                </Group>
              </li>
            );
          })}
        </Stack>
        <FeedbackText>{review.feedback}</FeedbackText>
      </Stack>
    );
  },
};
