import { Alert, Group, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNip, type FollowUpForm } from '@cakap/contracts';
import { useFollowUpForm, useSubmitFollowUp } from '../../api/followUps';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { AnsweredQuestionnaire, QuestionnaireForm } from '../evaluation/Questionnaire';

/**
 * One follow-up survey (issue 8, level 3), for its respondent only: the form while it is open,
 * the respondent's own answers read-only once sent, and why it cannot be answered otherwise
 * (not open yet, closed, cancelled). A superior's form names the employee it is about.
 */
export function FollowUpPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useFollowUpForm(id);
  const back = <BackLink to="/tindak-lanjut">{t('followUp.back')}</BackLink>;

  if (query.isPending || query.isError) {
    return (
      <Stack maw={760}>
        <PageHeader title={t('followUp.title')} before={back} />
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : <Skeleton h={240} />}
      </Stack>
    );
  }
  const form = query.data;
  return (
    <Stack maw={760}>
      <PageHeader title={t('followUp.title')} description={form.course.title} before={back} />
      <Subject form={form} />
      {form.response ? <AnsweredView form={form} /> : form.open ? <AnswerForm form={form} /> : <NotOpen form={form} />}
    </Stack>
  );
}

/** Who the answers are about: the respondent themselves, or the named employee for a superior. */
function Subject({ form }: { form: FollowUpForm }) {
  const { t } = useTranslation();
  if (!form.subject) return <Text>{t('followUp.introLearner')}</Text>;
  return (
    <Stack gap="xs">
      <Text>{t('followUp.introSuperior')}</Text>
      <Paper withBorder p="sm" data-testid="follow-up-subject">
        <Group component="dl" gap="xl" m={0}>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('followUp.employee')}
            </Text>
            <Text component="dd" m={0} fw={600}>
              {form.subject.name}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('followUp.employeeNip')}
            </Text>
            <Text component="dd" m={0}>
              {formatNip(form.subject.nip)}
            </Text>
          </div>
        </Group>
      </Paper>
    </Stack>
  );
}

function NotOpen({ form }: { form: FollowUpForm }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [title, text] =
    form.status === 'scheduled'
      ? [t('followUp.notYetTitle'), t('followUp.notYet', { date: formatDate(form.dueAt, lang) })]
      : form.status === 'cancelled'
        ? [t('followUp.cancelledTitle'), t('followUp.cancelled')]
        : [t('followUp.closedTitle'), t('followUp.closed')];
  return (
    <Alert color="yellow" title={title} icon={<IconInfoCircle aria-hidden />}>
      {text}
    </Alert>
  );
}

function AnswerForm({ form }: { form: FollowUpForm }) {
  const { t } = useTranslation();
  const lang = useLang();
  const submit = useSubmitFollowUp(form.id);
  return (
    <QuestionnaireForm
      questions={form.questions}
      submit={submit}
      intro={
        form.closesAt ? (
          <Text size="sm" fw={600}>
            {t('followUp.closesOn', { date: formatDate(form.closesAt, lang) })}
          </Text>
        ) : null
      }
      labels={{ form: t('followUp.title'), submit: t('followUp.submit'), leaveTitle: t('followUp.title'), leaveConfirm: t('followUp.leaveConfirm') }}
    />
  );
}

function AnsweredView({ form }: { form: FollowUpForm }) {
  const { t } = useTranslation();
  const response = form.response!;
  return (
    <AnsweredQuestionnaire
      questions={form.questions}
      answers={response.answers}
      submittedAt={response.submittedAt}
      headingId="follow-up-done"
      title={t('followUp.thanksTitle')}
      thanks={(date) => t('followUp.thanksText', { date })}
    />
  );
}
