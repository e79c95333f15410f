import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { EnrollmentEvaluation } from '@cakap/contracts';
import { useEnrollmentEvaluation, useSubmitEvaluation } from '../../api/evaluation';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { AnsweredQuestionnaire, QuestionnaireForm } from './Questionnaire';

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
  const submit = useSubmitEvaluation(evaluation.enrollmentId);
  return (
    <QuestionnaireForm
      questions={evaluation.questions}
      submit={submit}
      intro={<Text>{t('evaluation.intro')}</Text>}
      labels={{ form: t('evaluation.title'), submit: t('evaluation.submit'), leaveTitle: t('evaluation.title'), leaveConfirm: t('evaluation.leaveConfirm') }}
    />
  );
}

function AnsweredView({ evaluation }: { evaluation: EnrollmentEvaluation }) {
  const { t } = useTranslation();
  const response = evaluation.response!;
  return (
    <AnsweredQuestionnaire
      questions={evaluation.questions}
      answers={response.answers}
      submittedAt={response.submittedAt}
      headingId="survey-done"
      title={t('evaluation.thanksTitle')}
      thanks={(date) => t('evaluation.thanksText', { date })}
    />
  );
}
