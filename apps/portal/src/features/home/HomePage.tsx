import type { ReactNode } from 'react';
import { Anchor, Button, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBook2, IconBooks, IconCertificate, IconCircleCheck, IconClockHour4, IconPlayerPlay, IconTarget } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { JP_TARGET_PER_YEAR, type Enrollment } from '@cakap/contracts';
import { useSession } from '../../api/session';
import { useEnrollments, useLearningHours } from '../../api/learning';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AssignedCourses } from '../learning/AssignedCourses';
import { HomeGaps } from '../competencies/learner/HomeGaps';
import { HomeCertificates } from '../certificates/HomeCertificates';
import { PageHeader } from '../../components/PageHeader';
import { currentYear, formatDate, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** One of the home page's cards: a titled section with an icon; the title names the section. */
function HomeCard({ id, icon, title, children }: { id: string; icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          {icon}
          <Title order={2} fz="h4" id={id}>
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

const ICON_COLOR = 'var(--mantine-color-cakap-7)';

function CourseProgress({ e }: { e: Enrollment }) {
  const { t } = useTranslation();
  const lang = useLang();
  const percent = formatNumber(e.progress.percent, lang);
  return (
    <Stack gap={4}>
      <Progress value={e.progress.percent} size="md" aria-label={t('dashboard.progressLabel', { title: e.course.title, percent })} />
      <Text size="sm" c="dimmed">
        {t('dashboard.progress', { percent })} ·{' '}
        {t('dashboard.lessonsDone', { done: formatNumber(e.progress.completedLessons, lang), total: formatNumber(e.progress.totalLessons, lang) })}
      </Text>
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const year = currentYear();
  const enrollments = useEnrollments();
  const hours = useLearningHours(year);
  const items = enrollments.data?.items ?? [];
  const active = items.filter((e) => e.status === 'active');
  const completed = items.filter((e) => e.status === 'completed');
  const last = active[0];
  const jp = hours.data?.jp ?? 0;
  const target = hours.data?.target ?? JP_TARGET_PER_YEAR;
  const loading = enrollments.isPending;

  return (
    <>
      <PageHeader
        title={t('home.title')}
        description={
          <>
            <Text span fw={600} c="var(--mantine-color-text)">
              {t('home.greeting', { name: session.user?.name ?? '' })}
            </Text>
            <br />
            {t('home.intro')}
          </>
        }
      />
      {enrollments.error ? <ErrorAlert error={enrollments.error} onRetry={() => void enrollments.refetch()} /> : null}
      {/* Mandatory training first, with its deadline (renders nothing when none is assigned). */}
      <AssignedCourses />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <HomeCard id="home-continue" icon={<IconPlayerPlay size={22} aria-hidden color={ICON_COLOR} />} title={t('dashboard.continueTitle')}>
          {loading ? (
            <Skeleton height={64} />
          ) : last ? (
            <>
              <Text fw={600}>{last.course.title}</Text>
              <CourseProgress e={last} />
              <Button component={Link} to={`/belajar/${last.id}`} w="fit-content" leftSection={<IconPlayerPlay size={16} aria-hidden />} aria-label={t('dashboard.continueAction', { title: last.course.title })}>
                {t('enroll.continue')}
              </Button>
            </>
          ) : (
            <Text size="sm">{t('dashboard.continueEmpty')}</Text>
          )}
        </HomeCard>

        <HomeCard id="home-jp" icon={<IconClockHour4 size={22} aria-hidden color={ICON_COLOR} />} title={t('home.jpTitle', { year: String(year) })}>
          {hours.isPending ? (
            <Skeleton height={48} />
          ) : (
            <>
              <Text fz={28} fw={700} lh={1.1} data-testid="jp-meter">
                {t('home.jpMeter', { jp: formatNumber(jp, lang), target: formatNumber(target, lang) })}
              </Text>
              <Progress
                value={Math.min(100, (jp / target) * 100)}
                size="lg"
                aria-label={t('home.jpMeterLabel', { year: String(year), jp: formatNumber(jp, lang), target: formatNumber(target, lang) })}
              />
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('home.jpNote')}
          </Text>
          <Anchor component={Link} to="/jp" size="sm" w="fit-content">
            {t('dashboard.jpHistory')}
          </Anchor>
        </HomeCard>

        <HomeCard id="home-courses" icon={<IconBook2 size={22} aria-hidden color={ICON_COLOR} />} title={t('home.coursesTitle')}>
          {loading ? (
            <Skeleton height={64} />
          ) : active.length === 0 ? (
            <Text size="sm">{t('home.coursesEmpty')}</Text>
          ) : (
            <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: 'none' }}>
              {active.map((e) => (
                <li key={e.id}>
                  <Anchor component={Link} to={`/belajar/${e.id}`} fw={600} aria-label={t('dashboard.openCourse', { title: e.course.title })}>
                    {e.course.title}
                  </Anchor>
                  <CourseProgress e={e} />
                </li>
              ))}
            </Stack>
          )}
          <Button component={Link} to="/katalog" variant="light" leftSection={<IconBooks size={16} aria-hidden />} w="fit-content">
            {t('home.browseCatalog')}
          </Button>
        </HomeCard>

        <HomeCard id="home-completed" icon={<IconCircleCheck size={22} aria-hidden color={ICON_COLOR} />} title={t('dashboard.completedTitle')}>
          {loading ? (
            <Skeleton height={40} />
          ) : completed.length === 0 ? (
            <Text size="sm">{t('dashboard.completedEmpty')}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
              {completed.map((e) => (
                <li key={e.id}>
                  <Anchor component={Link} to={`/belajar/${e.id}`} fw={600}>
                    {e.course.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('dashboard.completedOn', { date: formatDate(e.completedAt, lang), jp: formatNumber(e.course.jp, lang) })}
                  </Text>
                </li>
              ))}
            </Stack>
          )}
        </HomeCard>

        <HomeCard id="home-competencies" icon={<IconTarget size={22} aria-hidden color={ICON_COLOR} />} title={t('homeGaps.title')}>
          <HomeGaps />
        </HomeCard>

        <HomeCard id="home-certificates" icon={<IconCertificate size={22} aria-hidden color={ICON_COLOR} />} title={t('home.certificatesTitle')}>
          <HomeCertificates />
        </HomeCard>
      </SimpleGrid>
    </>
  );
}
