import { useState, type ReactNode } from 'react';
import { Button, Fieldset, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useBlocker } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { t as tc, type SurveyQuestion, type SurveyResponseInput } from '@cakap/contracts';
import { isApiError } from '../../api';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { answerFieldErrors, isDirty, LIKERT_SCALE, TEXT_ANSWER_MAX, toResponseInput, validateAnswers, type Answers } from './answers';

/**
 * A questionnaire answered once — the post-course survey (level 1) and the follow-up (level 3)
 * alike: Likert fieldsets and comment boxes, errors on the questions (the client's check first,
 * then the server's), focus on the first wrong one, and a warning before leaving with answers
 * not sent. Each page brings its own texts and its own submit.
 */

/** The question shape both questionnaires share (their dimensions differ; the form ignores them). */
export type FormQuestion = Pick<SurveyQuestion, 'id' | 'type' | 'text' | 'required'>;

interface Submission {
  mutateAsync: (input: SurveyResponseInput) => Promise<unknown>;
  isPending: boolean;
  isSuccess: boolean;
  error: unknown;
}

interface FormProps {
  questions: readonly FormQuestion[];
  submit: Submission;
  /** Shown above the questions (what the answers are about, when the form closes). */
  intro?: ReactNode;
  labels: { form: string; submit: string; leaveTitle: string; leaveConfirm: string };
}

export function QuestionnaireForm({ questions, submit, intro, labels }: FormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Leaving with answers picked but not sent would lose them.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty(answers) && !submit.isSuccess && currentLocation.pathname !== nextLocation.pathname);

  const setAnswer = (id: string, value: number | string) => {
    setAnswers((old) => ({ ...old, [id]: value }));
    setErrors(({ [id]: _cleared, ...rest }) => rest);
  };
  const focusFirst = (ids: string[]) => {
    const first = questions.find((q) => ids.includes(q.id));
    if (first) document.getElementById(inputId(first))?.focus();
  };

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const clientErrors = validateAnswers(questions, answers);
    if (Object.keys(clientErrors).length) {
      setErrors(Object.fromEntries(Object.entries(clientErrors).map(([id, key]) => [id, tc(key, lang)])));
      focusFirst(Object.keys(clientErrors));
      return;
    }
    try {
      await submit.mutateAsync(toResponseInput(questions, answers));
    } catch (err) {
      if (isApiError(err)) {
        const serverErrors = answerFieldErrors(err.fieldErrors, questions);
        setErrors(serverErrors);
        focusFirst(Object.keys(serverErrors));
      }
    }
  };
  // Errors not about a question (answered from another tab, closed meanwhile) speak above the button.
  const generalError = submit.error && !Object.keys(errors).length ? submit.error : null;
  const errorCount = Object.keys(errors).length;

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={labels.form}>
      <Stack>
        {intro}
        <Text size="sm" c="dimmed">
          {t('evaluation.requiredLegend')}
        </Text>
        {questions.map((q, i) =>
          q.type === 'likert' ? (
            <LikertQuestion key={q.id} n={i + 1} question={q} value={answers[q.id]} error={errors[q.id]} onChange={(v) => setAnswer(q.id, v)} />
          ) : (
            <Textarea
              key={q.id}
              id={inputId(q)}
              label={`${i + 1}. ${q.text}`}
              required={q.required}
              value={typeof answers[q.id] === 'string' ? (answers[q.id] as string) : ''}
              onChange={(e) => setAnswer(q.id, e.currentTarget.value)}
              maxLength={TEXT_ANSWER_MAX}
              autosize
              minRows={3}
              error={errors[q.id]}
              description={t('evaluation.counter', { count: String((answers[q.id] as string | undefined)?.length ?? 0), max: String(TEXT_ANSWER_MAX) })}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
          ),
        )}
        {generalError ? <ErrorAlert error={generalError} /> : null}
        {errorCount ? (
          <Text c="red.8" size="sm" role="alert">
            {t('evaluation.fixErrors', { count: String(errorCount) })}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {labels.submit}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={blocker.state === 'blocked'}
        title={labels.leaveTitle}
        confirmLabel={t('evaluation.leave')}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        <Text>{labels.leaveConfirm}</Text>
      </ConfirmModal>
    </form>
  );
}

interface AnsweredProps {
  questions: readonly FormQuestion[];
  answers: Record<string, number | string>;
  submittedAt: string;
  /** id of the heading, for the section's name */
  headingId: string;
  title: string;
  /** The thank-you line; `{date}` is the submission time. */
  thanks: (date: string) => string;
}

/** The respondent's own answers, read-only, after sending. */
export function AnsweredQuestionnaire({ questions, answers, submittedAt, headingId, title, thanks }: AnsweredProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={headingId}>
      <Stack>
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={28} aria-hidden color="var(--mantine-color-green-9)" />
          <Title order={2} fz="h3" id={headingId}>
            {title}
          </Title>
        </Group>
        <Text>{thanks(formatDateTime(submittedAt, lang))}</Text>
        <Stack component="dl" gap="sm" m={0}>
          {questions.map((q, i) => {
            const value = answers[q.id];
            const shown = value === undefined || value === '' ? t('evaluation.noAnswer') : typeof value === 'number' ? likertLabel(value, t) : value;
            return (
              <div key={q.id}>
                <Text component="dt" fw={600}>
                  {i + 1}. {q.text}
                </Text>
                <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {shown}
                </Text>
              </div>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** "4 – Setuju"; a score outside the scale (an old survey) is shown as the bare number. */
export function likertLabel(score: number, t: TFunction): string {
  return (LIKERT_SCALE as readonly number[]).includes(score) ? `${score} – ${t(`evaluation.likert.l${score as 1 | 2 | 3 | 4 | 5}`)}` : String(score);
}

/** The element a question's error sends focus to: its first radio, or its textarea. */
export function inputId(q: Pick<SurveyQuestion, 'id' | 'type'>): string {
  return q.type === 'likert' ? `q-${q.id}-1` : `q-${q.id}`;
}

interface LikertProps {
  n: number;
  /** A post-course survey question or a follow-up one: only these matter here. */
  question: Pick<SurveyQuestion, 'id' | 'text' | 'required'>;
  value: number | string | undefined;
  error?: string;
  onChange: (value: number) => void;
}

/**
 * One Likert question as a fieldset of five labelled radios (the legend is the question):
 * stacked on a phone so every label stays readable, in a row from the small breakpoint up.
 */
export function LikertQuestion({ n, question, value, error, onChange }: LikertProps) {
  const { t } = useTranslation();
  const errorId = `q-${question.id}-error`;
  return (
    <Fieldset
      legend={
        <Text component="span" fw={600}>
          {n}. {question.text}
          {question.required ? (
            <Text component="span" c="red.8" aria-label={t('evaluation.requiredMark')}>
              {' *'}
            </Text>
          ) : null}
        </Text>
      }
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
      variant="unstyled"
      styles={{ root: { borderLeft: error ? '3px solid var(--mantine-color-red-8)' : undefined, paddingLeft: error ? 8 : undefined } }}
    >
      <SimpleGrid cols={{ base: 1, sm: 5 }} spacing="xs" mt="xs">
        {LIKERT_SCALE.map((score) => (
          <Radio
            key={score}
            id={`q-${question.id}-${score}`}
            name={`q-${question.id}`}
            value={String(score)}
            checked={value === score}
            onChange={() => onChange(score)}
            label={`${score} – ${t(`evaluation.likert.l${score}`)}`}
          />
        ))}
      </SimpleGrid>
      {error ? (
        <Text id={errorId} c="red.8" size="sm" mt={4}>
          {error}
        </Text>
      ) : null}
    </Fieldset>
  );
}
