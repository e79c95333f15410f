import { useState } from 'react';
import { Alert, Button, Fieldset, Group, Paper, Radio, SimpleGrid, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { Link, useBlocker, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { t as tc, type EnrollmentEvaluation, type SurveyQuestion } from '@cakap/contracts';
import { isApiError } from '../../api';
import { useEnrollmentEvaluation, useSubmitEvaluation } from '../../api/evaluation';
import { BackLink } from '../../components/BackLink';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { answerFieldErrors, isDirty, LIKERT_SCALE, TEXT_ANSWER_MAX, toResponseInput, validateAnswers, type Answers } from './answers';

/**
 * The learner's post-course survey (issue 8, level 1): a form while the course is completed and
 * unanswered, the learner's own answers read-only once sent, an explanation before completion.
 */
export function SurveyPage() {
  const { enrollmentId = '' } = useParams();
  const { t } = useTranslation();
  const evaluation = useEnrollmentEvaluation(enrollmentId);
  const back = <BackLink to={`/belajar/${enrollmentId}`}>{t('evaluation.backToCourse')}</BackLink>;

  if (evaluation.isPending) {
    return (
      <Stack maw={760}>
        <PageHeader title={t('evaluation.title')} before={back} />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (evaluation.isError) {
    return (
      <Stack maw={760}>
        <PageHeader title={t('evaluation.title')} before={back} />
        <ErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />
      </Stack>
    );
  }
  const data = evaluation.data;
  return (
    <Stack maw={760}>
      <PageHeader title={t('evaluation.title')} description={data.course.title} before={back} />
      {data.requiredForCertificate && !data.response ? (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
          {t('evaluation.requiredForCertificate')}
        </Alert>
      ) : null}
      {data.response ? (
        <AnsweredView evaluation={data} />
      ) : !data.open ? (
        <Alert color="yellow" title={t('evaluation.notOpenTitle')} icon={<IconInfoCircle aria-hidden />}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('evaluation.notOpen')}</Text>
            <Button component={Link} to={`/belajar/${enrollmentId}`} variant="default">
              {t('evaluation.backToCourse')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <SurveyForm evaluation={data} />
      )}
    </Stack>
  );
}

function SurveyForm({ evaluation }: { evaluation: EnrollmentEvaluation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const submit = useSubmitEvaluation(evaluation.enrollmentId);
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Leaving with answers picked but not sent would lose them.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => isDirty(answers) && !submit.isSuccess && currentLocation.pathname !== nextLocation.pathname);

  const setAnswer = (id: string, value: number | string) => {
    setAnswers((old) => ({ ...old, [id]: value }));
    setErrors(({ [id]: _cleared, ...rest }) => rest);
  };

  const focusFirst = (ids: string[]) => {
    const first = evaluation.questions.find((q) => ids.includes(q.id));
    if (first) document.getElementById(inputId(first))?.focus();
  };

  const onSubmit = async (e: React.FormEvent) => {
    e.preventDefault();
    const clientErrors = validateAnswers(evaluation.questions, answers);
    if (Object.keys(clientErrors).length) {
      setErrors(Object.fromEntries(Object.entries(clientErrors).map(([id, key]) => [id, tc(key, lang)])));
      focusFirst(Object.keys(clientErrors));
      return;
    }
    try {
      await submit.mutateAsync(toResponseInput(evaluation.questions, answers));
    } catch (err) {
      if (isApiError(err)) {
        const serverErrors = answerFieldErrors(err.fieldErrors, evaluation.questions);
        setErrors(serverErrors);
        focusFirst(Object.keys(serverErrors));
      }
    }
  };
  // Errors not about a question (not completed, already answered from another tab) speak above the button.
  const generalError = submit.error && !Object.keys(errors).length ? submit.error : null;

  const errorCount = Object.keys(errors).length;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-describedby="survey-intro">
      <Stack>
        <Text id="survey-intro">{t('evaluation.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('evaluation.requiredLegend')}
        </Text>
        {evaluation.questions.map((q, i) =>
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
            {t('evaluation.submit')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={blocker.state === 'blocked'}
        title={t('evaluation.title')}
        confirmLabel={t('evaluation.leave')}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        <Text>{t('evaluation.leaveConfirm')}</Text>
      </ConfirmModal>
    </form>
  );
}

/** "4 – Setuju"; a score outside the scale (an old survey) is shown as the bare number. */
function likertLabel(score: number, t: TFunction): string {
  return (LIKERT_SCALE as readonly number[]).includes(score) ? `${score} – ${t(`evaluation.likert.l${score as 1 | 2 | 3 | 4 | 5}`)}` : String(score);
}

/** The element a question's error sends focus to: its first radio, or its textarea. */
function inputId(q: SurveyQuestion): string {
  return q.type === 'likert' ? `q-${q.id}-1` : `q-${q.id}`;
}

interface LikertProps {
  n: number;
  question: SurveyQuestion;
  value: number | string | undefined;
  error?: string;
  onChange: (value: number) => void;
}

/**
 * One Likert question as a fieldset of five labelled radios (the legend is the question):
 * stacked on a phone so every label stays readable, in a row from the small breakpoint up.
 */
function LikertQuestion({ n, question, value, error, onChange }: LikertProps) {
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

function AnsweredView({ evaluation }: { evaluation: EnrollmentEvaluation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const response = evaluation.response!;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="survey-done">
      <Stack>
        <Group gap="xs" wrap="nowrap">
          <IconCircleCheck size={28} aria-hidden color="var(--mantine-color-green-9)" />
          <Title order={2} fz="h3" id="survey-done">
            {t('evaluation.thanksTitle')}
          </Title>
        </Group>
        <Text>{t('evaluation.thanksText', { date: formatDateTime(response.submittedAt, lang) })}</Text>
        <Stack component="dl" gap="sm" m={0}>
          {evaluation.questions.map((q, i) => {
            const value = response.answers[q.id];
            const shown =
              value === undefined || value === ''
                ? t('evaluation.noAnswer')
                : typeof value === 'number'
                  ? likertLabel(value, t)
                  : value;
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
