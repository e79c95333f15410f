import { useId } from 'react';
import { Checkbox, Group, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { QuestionEditorProps } from '@cakap/plugin-sdk/portal';
import type { ChoiceOption } from '../common';
import { FeedbackField, ListEditor, newId, numbered, patchAt, PromptEditor } from './shared';
import { message, texts } from './texts';

export interface ChoiceData {
  prompt: string;
  options: ChoiceOption[];
  partialCredit?: boolean;
  feedback?: string;
}

export const newOption = (): ChoiceOption => ({ id: newId(), text: '', correct: false });

/** The editor of single and multiple choice: options with their key, feedback, and (multiple) partial credit. */
export function ChoiceEditor({ data, onChange, lang, errors, multiple }: QuestionEditorProps<ChoiceData> & { multiple: boolean }) {
  const t = texts(lang);
  const radioName = useId();
  const options = data.options ?? [];
  const set = (patch: Partial<ChoiceData>) => onChange({ ...data, ...patch });
  const setOption = (i: number, patch: Partial<ChoiceOption>) => set({ options: patchAt(options, i, patch) });
  const markCorrect = (i: number, checked: boolean) =>
    set({ options: options.map((o, j) => (j === i ? { ...o, correct: checked } : multiple ? o : { ...o, correct: false })) });
  const noneCorrect = options.length > 0 && !options.some((o) => o.correct);
  const listError = errors.options ?? (noneCorrect ? message(multiple ? 'questions.choice.someCorrect' : 'questions.choice.oneCorrect', lang) : undefined);

  return (
    <Stack gap="md">
      <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
      <ListEditor
        legend={t.options}
        items={options}
        onChange={(next) => set({ options: next })}
        create={newOption}
        addLabel={t.addOption}
        error={listError}
        rowLabel={(i) => numbered(t.option, i)}
        t={t}
        renderRow={(o, i, buttons) => {
          const label = numbered(t.option, i);
          const correctLabel = `${t.correctOption}: ${label}`;
          return (
            <Stack gap={4}>
              <Group align="flex-end" gap="xs" wrap="nowrap">
                {multiple ? (
                  <Checkbox aria-label={correctLabel} checked={o.correct} onChange={(e) => markCorrect(i, e.currentTarget.checked)} mb={8} />
                ) : (
                  <Radio aria-label={correctLabel} name={radioName} checked={o.correct} onChange={() => markCorrect(i, true)} mb={8} />
                )}
                <TextInput
                  style={{ flex: 1, minWidth: 0 }}
                  label={label}
                  value={o.text}
                  maxLength={1000}
                  error={errors[`options.${i}.text`] ?? errors[`options.${i}.id`]}
                  onChange={(e) => setOption(i, { text: e.currentTarget.value })}
                />
                {buttons}
              </Group>
              <FeedbackField
                label={`${t.optionFeedback} (${label})`}
                value={o.feedback}
                t={t}
                error={errors[`options.${i}.feedback`]}
                onChange={(feedback) => setOption(i, { feedback })}
              />
            </Stack>
          );
        }}
      >
        {multiple && (
          <Text size="sm" c="dimmed">
            {t.correctOptions}
          </Text>
        )}
      </ListEditor>
      {multiple && (
        <Switch
          label={t.partialCredit}
          description={t.partialCreditHint}
          checked={!!data.partialCredit}
          onChange={(e) => set({ partialCredit: e.currentTarget.checked })}
        />
      )}
      <FeedbackField label={t.feedback} description={t.feedbackHint} value={data.feedback} t={t} error={errors.feedback} onChange={(feedback) => set({ feedback })} />
    </Stack>
  );
}
