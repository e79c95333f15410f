import { useState } from 'react';
import { Stack, Text, TextInput } from '@mantine/core';
import type { Lang, QuestionEditorProps, QuestionTypePortal } from '@cakap/plugin-sdk/portal';
import type { NumericAnswer, NumericData, NumericReview, NumericView } from '../numeric';
import { isWithin, parseNumber } from '../answers';
import { FeedbackField, PromptEditor, QuestionBody, VerdictBadge } from './shared';
import { fill, texts } from './texts';

/** A number as the reader writes it: Indonesian uses a decimal comma. */
export function formatNumber(n: number, lang: Lang): string {
  const s = String(n);
  return lang === 'id' ? s.replace('.', ',') : s;
}

/**
 * A text field holding a number: keeps what is typed (`3,` on the way to `3,5`), reports a
 * number when the text is one and undefined otherwise, and says so once the field is left.
 */
function NumberField({
  value,
  onChange,
  lang,
  label,
  description,
  error,
  id,
  disabled,
  required,
}: {
  value: number | undefined;
  onChange: (n: number | undefined) => void;
  lang: Lang;
  label: string;
  description?: string;
  error?: string;
  id?: string;
  disabled?: boolean;
  required?: boolean;
}) {
  const t = texts(lang);
  const [text, setText] = useState(value === undefined ? '' : formatNumber(value, lang));
  const [touched, setTouched] = useState(false);
  const invalid = touched && text.trim() !== '' && parseNumber(text) === null;
  return (
    <TextInput
      id={id}
      label={label}
      description={description}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      disabled={disabled}
      withAsterisk={required}
      maxLength={40}
      error={invalid ? t.numberInvalid : error}
      onBlur={() => setTouched(true)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        onChange(parseNumber(next) ?? undefined);
      }}
    />
  );
}

function NumericEditor({ data, onChange, lang, errors }: QuestionEditorProps<NumericData>) {
  const t = texts(lang);
  const set = (patch: Partial<NumericData>) => onChange({ ...data, ...patch });
  return (
    <Stack gap="md">
      <PromptEditor html={data.prompt ?? ''} onChange={(prompt) => set({ prompt })} lang={lang} error={errors.prompt} />
      <NumberField
        label={t.numericAnswer}
        description={t.numberInputHint}
        required
        value={data.answer}
        lang={lang}
        error={errors.answer}
        onChange={(answer) => onChange({ ...data, answer: answer as number })}
      />
      <NumberField
        label={t.tolerance}
        description={t.toleranceHint}
        value={data.tolerance}
        lang={lang}
        error={errors.tolerance}
        onChange={(tolerance) => set({ tolerance: tolerance ?? 0 })}
      />
      <FeedbackField label={t.feedback} description={t.feedbackHint} value={data.feedback} t={t} error={errors.feedback} onChange={(feedback) => set({ feedback })} />
    </Stack>
  );
}

export const numericPortal: QuestionTypePortal<NumericData, NumericView, NumericAnswer, NumericReview> = {
  key: 'numeric',
  title: { id: 'Angka', en: 'Numeric' },
  initialData: () => ({ prompt: '', answer: 0, tolerance: 0 }),
  Editor: NumericEditor,
  Answer: ({ view, answer, onChange, readOnly, lang, idPrefix }) => {
    const t = texts(lang);
    return (
      <QuestionBody prompt={view.prompt} lang={lang}>
        <NumberField
          id={`${idPrefix}-answer`}
          label={t.yourAnswerInput}
          description={t.numberInputHint}
          value={answer}
          lang={lang}
          disabled={readOnly}
          onChange={onChange}
        />
      </QuestionBody>
    );
  },
  Review: ({ view, answer, review, lang }) => {
    const t = texts(lang);
    const right = answer !== undefined && isWithin(answer, review.expected, review.margin);
    return (
      <QuestionBody prompt={view.prompt} lang={lang} feedback={review.feedback}>
        <VerdictBadge verdict={answer === undefined ? 'none' : right ? 'right' : 'wrong'} t={t} />
        <Text size="sm">
          {t.yourAnswer}: {answer === undefined ? t.notAnswered : formatNumber(answer, lang)}
        </Text>
        <Text size="sm">
          {t.correctAnswer}:{' '}
          {review.margin
            ? fill(t.expected, { answer: formatNumber(review.expected, lang), margin: formatNumber(review.margin, lang) })
            : formatNumber(review.expected, lang)}
        </Text>
      </QuestionBody>
    );
  },
};
