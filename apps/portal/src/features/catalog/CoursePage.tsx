import type { ReactNode } from 'react';
import { Accordion, Badge, Button, Group, Image, List, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DEVELOPMENT_FORMS } from '@cakap/contracts';
import { useCatalogCourse } from '../../api/courses';
import { useEnroll, useEnrollments } from '../../api/learning';
import { BackLink } from '../../components/BackLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { useFormatDuration } from './format';

/** A published course before enrolment: what it is, its JP and duration, who wrote it, its outline. */
export function CoursePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const formatDuration = useFormatDuration();
  const { id = '' } = useParams();
  const course = useCatalogCourse(id);

  const back = <BackLink to="/katalog">{t('coursePage.back')}</BackLink>;

  if (course.error) {
    return (
      <>
        <PageHeader title={t('catalog.title')} before={back} />
        <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />
      </>
    );
  }
  if (!course.data) return <CourseSkeleton back={back} />;

  const c = course.data;
  const duration = formatDuration(c.durationMinutes);
  const lessons = c.outline.reduce((n, m) => n + m.lessons.length, 0);
  const facts: { label: string; value: ReactNode }[] = [
    {
      label: t('coursePage.jp'),
      value: (
        <>
          <Text fw={700} fz="lg" span>
            {t('catalog.jpValue', { jp: formatNumber(c.jp, lang) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('coursePage.jpHint')}
          </Text>
        </>
      ),
    },
    ...(duration ? [{ label: t('coursePage.duration'), value: duration }] : []),
    { label: t('coursePage.language'), value: t(`languages.${c.language}`) },
    { label: t('coursePage.developmentForm'), value: `${c.developmentForm} — ${DEVELOPMENT_FORMS[c.developmentForm] ?? ''}` },
    ...(c.category ? [{ label: t('coursePage.category'), value: c.category }] : []),
    ...(c.authors.length ? [{ label: t('coursePage.authors'), value: c.authors.map((a) => a.name).join(', ') }] : []),
    { label: t('coursePage.published'), value: t('coursePage.publishedValue', { date: formatDate(c.publishedAt, lang), version: String(c.version) }) },
  ];

  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageHeader before={back} title={c.title} />
        {c.coverUrl && (
          <Image src={c.coverUrl} alt={t('coursePage.coverAlt', { title: c.title })} mah={280} maw={640} fit="cover" radius="md" mb="md" />
        )}
        {c.summary && (
          <Text size="md" maw="70ch" style={{ whiteSpace: 'pre-line' }}>
            {c.summary}
          </Text>
        )}
        {c.tags.length > 0 && (
          <Group gap={6} mt="sm" component="ul" aria-label={t('coursePage.tags')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {c.tags.map((tag) => (
              <li key={tag}>
                <Badge variant="outline" color="gray.7" tt="none" fw={500}>
                  {tag}
                </Badge>
              </li>
            ))}
          </Group>
        )}
      </div>

      <EnrollAction courseId={c.id} />

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="course-facts">
        <Title order={2} fz="h4" id="course-facts" mb="sm">
          {t('coursePage.facts')}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="sm" m={0}>
          {facts.map((f) => (
            <div key={f.label}>
              <Text component="dt" size="sm" c="dimmed">
                {f.label}
              </Text>
              <Text component="dd" m={0} fw={500} style={{ overflowWrap: 'anywhere' }}>
                {f.value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      {c.competencies.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="course-competencies">
          <Title order={2} fz="h3" id="course-competencies">
            {t('courseCompetencies.title')}
          </Title>
          <List spacing={4}>
            {c.competencies.map((target) => (
              <List.Item key={target.competencyId}>
                {t('courseCompetencies.item', { code: target.code, name: target.name, level: String(target.level) })}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="course-outline">
        <div>
          <Title order={2} fz="h3" id="course-outline">
            {t('coursePage.outline')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('coursePage.outlineSummary', { modules: formatNumber(c.outline.length, lang), lessons: formatNumber(lessons, lang) })}
          </Text>
        </div>
        {c.outline.length === 0 ? (
          <Text c="dimmed">{t('coursePage.noOutline')}</Text>
        ) : (
          <Accordion multiple variant="separated" order={3} defaultValue={[c.outline[0].key]} chevronPosition="right">
            {c.outline.map((m, mi) => (
              <Accordion.Item key={m.key} value={m.key}>
                <Accordion.Control>
                  <Stack gap={0}>
                    <Text fw={600}>
                      <span>{t('lesson.module', { n: String(mi + 1) })}: </span>
                      <span>{m.title}</span>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {t('coursePage.lessonCount', { n: formatNumber(m.lessons.length, lang) })}
                    </Text>
                  </Stack>
                </Accordion.Control>
                <Accordion.Panel>
                  {m.lessons.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('coursePage.noLessons')}
                    </Text>
                  ) : (
                    <Stack component="ol" gap={6} m={0} pl="1.5rem">
                      {m.lessons.map((l) => (
                        <Text component="li" key={l.key} size="sm">
                          {l.title}
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </Stack>
  );
}

/** "Ikuti kursus" (enrol and start), or "Lanjutkan belajar" when already enrolled. */
function EnrollAction({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const enrollments = useEnrollments();
  const enroll = useEnroll();
  const mine = enrollments.data?.items.find((e) => e.courseId === courseId);
  const start = async () => {
    const detail = await enroll.mutateAsync(courseId);
    navigate(`/belajar/${detail.id}${detail.resumeLessonKey ? `/${detail.resumeLessonKey}` : ''}`);
  };
  if (enrollments.isPending) return <Skeleton height={44} width={200} />;
  return (
    <Stack gap="xs">
      {mine ? (
        <>
          <Text size="sm">{mine.status === 'completed' ? t('enroll.completed') : t('enroll.enrolledNote', { percent: formatNumber(mine.progress.percent, lang) })}</Text>
          <Button component={Link} to={`/belajar/${mine.id}`} size="md" w="fit-content" leftSection={<IconPlayerPlay size={18} aria-hidden />}>
            {mine.status === 'completed' ? t('enroll.review') : t('enroll.continue')}
          </Button>
        </>
      ) : (
        <Button size="md" w="fit-content" loading={enroll.isPending} onClick={() => void start().catch(() => undefined)} leftSection={<IconPlayerPlay size={18} aria-hidden />}>
          {t('enroll.start')}
        </Button>
      )}
      {enroll.error ? <ErrorAlert error={enroll.error} /> : null}
    </Stack>
  );
}

function CourseSkeleton({ back }: { back: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={960} aria-busy="true">
      {back}
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      <Skeleton height={36} width="70%" />
      <Skeleton height={14} />
      <Skeleton height={14} width="85%" />
      <Skeleton height={110} mt="sm" />
      <Skeleton height={28} width="40%" mt="sm" />
      <Skeleton height={56} />
      <Skeleton height={56} />
    </Stack>
  );
}
