import { Anchor, Badge, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyAssignment } from '@cakap/contracts';
import { useMyAssignments } from '../../api/assignments';
import { formatDate } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** Where an assigned course opens: the player when enrolled, else its catalogue page (to enrol). */
const linkOf = (a: MyAssignment) => (a.enrollment ? `/belajar/${a.enrollment.id}` : `/katalog/${a.courseId}`);

/**
 * "Kursus wajib": the courses assigned to the signed-in learner, by due date, with their
 * deadline, overdue flag and progress. Renders nothing when none is assigned, so the home
 * page can place it at the top unconditionally.
 */
export function AssignedCourses() {
  const { t } = useTranslation();
  const lang = useLang();
  const mine = useMyAssignments();
  const items = mine.data?.items ?? [];
  if (!items.length) return null;

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} mb="md" component="section" aria-labelledby="assigned-courses-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="assigned-courses-title">
          {t('assignments.mineTitle')}
        </Title>
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((a) => {
            const done = a.enrollment?.status === 'completed';
            return (
              <li key={a.assignmentId}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={linkOf(a)} fw={500}>
                      {a.title}
                    </Anchor>
                    <Group gap="xs">
                      <Text size="sm" c={a.overdue ? 'red.9' : 'dimmed'}>
                        {t('assignments.mineDue', { date: formatDate(a.dueAt, lang) })}
                      </Text>
                      {a.overdue && (
                        <Badge color="red.9" variant="outline" tt="none">
                          {t('assignments.mineOverdue')}
                        </Badge>
                      )}
                      {done && (
                        <Badge color="green.9" variant="outline" tt="none">
                          {t('assignments.mineDone')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {a.jp} JP
                  </Text>
                </Group>
                {a.enrollment && !done && (
                  <Progress
                    mt={6}
                    value={a.enrollment.percent}
                    aria-label={t('assignments.minePercent', { percent: String(a.enrollment.percent) })}
                  />
                )}
              </li>
            );
          })}
        </Stack>
      </Stack>
    </Paper>
  );
}
