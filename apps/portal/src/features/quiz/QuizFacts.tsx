import type { ReactNode } from 'react';
import { Badge, Group, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attempt, QuizRole } from '@cakap/contracts';
import { statusColors } from '../../app/theme';
import { PageHeader } from '../../components/PageHeader';

/** An attempt's page heading (the quiz's title, else its role's), the same while it is played and once it has a result. */
export function AttemptHeader({ attempt, back }: { attempt: Attempt; back: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={attempt.title || t(`quiz.role.${attempt.role}`)} before={back} />
      <Group gap="xs">
        <RoleBadge role={attempt.role} />
        <Text size="sm" c="dimmed">
          {t('quiz.attemptNo', { n: String(attempt.attemptNo) })}
        </Text>
      </Group>
    </>
  );
}

/** The role as learners read it: Pre-test, Post-test or Kuis. */
export function RoleBadge({ role }: { role: QuizRole }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={statusColors.neutral} tt="none">
      {t(`quiz.role.${role}`)}
    </Badge>
  );
}

interface FactsProps {
  questionCount: number | null;
  timeLimitMinutes: number | null;
  passPercent: number;
  maxAttempts: number | null;
  attemptsUsed?: number;
}

/** The quiz's rules in a short list: questions, time, pass score, attempts. */
export function QuizFacts({ questionCount, timeLimitMinutes, passPercent, maxAttempts, attemptsUsed }: FactsProps) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={2}>
      {questionCount !== null && <List.Item>{t('quiz.facts.questions', { count: questionCount })}</List.Item>}
      <List.Item>{timeLimitMinutes ? t('quiz.facts.timeLimit', { minutes: String(timeLimitMinutes) }) : t('quiz.facts.untimed')}</List.Item>
      <List.Item>{t('quiz.facts.passPercent', { percent: String(passPercent) })}</List.Item>
      <List.Item>
        {attemptsUsed !== undefined
          ? maxAttempts
            ? t('quiz.facts.attemptsUsed', { used: String(attemptsUsed), max: String(maxAttempts) })
            : t('quiz.facts.attemptsUsedUnlimited', { used: String(attemptsUsed) })
          : maxAttempts
            ? t('quiz.facts.attempts', { max: String(maxAttempts) })
            : t('quiz.facts.attemptsUnlimited')}
      </List.Item>
    </List>
  );
}

/** Passed / not passed / waiting for grading, in words and colour. */
export function OutcomeBadge({ passed, needsGrading }: { passed: boolean | null; needsGrading?: boolean }) {
  const { t } = useTranslation();
  if (needsGrading || passed === null) {
    return (
      <Badge color={statusColors.warning} variant="outline" tt="none">
        {t('quiz.outcome.needsGrading')}
      </Badge>
    );
  }
  return (
    <Group gap={4}>
      <Badge color={passed ? statusColors.success : statusColors.danger} variant="outline" tt="none">
        {passed ? t('quiz.outcome.passed') : t('quiz.outcome.failed')}
      </Badge>
    </Group>
  );
}
