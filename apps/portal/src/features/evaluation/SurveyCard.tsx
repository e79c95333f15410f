import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useEnrollmentEvaluation } from '../../api/evaluation';

/**
 * On the player's completion screen: an invitation to the evaluation survey, or thanks once it
 * is answered. Renders nothing while loading or on failure — the course itself is done either way.
 */
export function SurveyCard({ enrollmentId }: { enrollmentId: string }) {
  const { t } = useTranslation();
  const evaluation = useEnrollmentEvaluation(enrollmentId);
  if (!evaluation.data?.open && !evaluation.data?.response) return null;
  const answered = !!evaluation.data.response;
  const to = `/belajar/${enrollmentId}/survei`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="survey-card">
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h3" id="survey-card">
          {answered ? t('evaluation.card.doneTitle') : t('evaluation.card.title')}
        </Title>
        {answered ? null : <Text>{t('evaluation.card.text')}</Text>}
        {!answered && evaluation.data.requiredForCertificate ? <Text fw={600}>{t('evaluation.requiredForCertificate')}</Text> : null}
        <Button component={Link} to={to} variant={answered ? 'default' : 'filled'}>
          {answered ? t('evaluation.card.view') : t('evaluation.card.action')}
        </Button>
      </Stack>
    </Paper>
  );
}
