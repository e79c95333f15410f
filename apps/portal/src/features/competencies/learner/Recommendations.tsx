import { Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight, IconPlayerPlay } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Recommendation } from '@cakap/contracts';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { recommendationLink } from './profileView';

/** Published courses that close the learner's gaps, biggest gap first (the server's order). */
export function Recommendations({ items }: { items: Recommendation[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="md" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((rec) => {
        const link = recommendationLink(rec);
        return (
          <Card component="li" withBorder padding="md" key={rec.course.id} data-testid="recommendation">
            <Stack gap="xs" h="100%">
              <Title order={3} fz="h5">
                {rec.course.title}
              </Title>
              <Text size="sm" c="dimmed">
                {t('catalog.jpValue', { jp: formatNumber(rec.course.jp, lang) })}
                {rec.course.category ? ` · ${rec.course.category}` : ''}
              </Text>
              <div>
                <Text size="sm" fw={500}>
                  {t('myCompetencies.develops')}
                </Text>
                <List size="sm" spacing={2}>
                  {rec.addresses.map((a) => (
                    <List.Item key={a.competencyId}>{t('myCompetencies.target', { code: a.code, name: a.name, level: String(a.level) })}</List.Item>
                  ))}
                </List>
              </div>
              <Group mt="auto">
                <Button
                  component={Link}
                  to={link.to}
                  variant={link.enrolled ? 'filled' : 'light'}
                  leftSection={link.enrolled ? <IconPlayerPlay size={16} aria-hidden /> : undefined}
                  rightSection={link.enrolled ? undefined : <IconArrowRight size={16} aria-hidden />}
                  aria-label={
                    link.enrolled
                      ? t('myCompetencies.continueCourseLabel', { title: rec.course.title })
                      : t('myCompetencies.openCourseLabel', { title: rec.course.title })
                  }
                >
                  {link.enrolled ? t('myCompetencies.continueCourse') : t('myCompetencies.openCourse')}
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
