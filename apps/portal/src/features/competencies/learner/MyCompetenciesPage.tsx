import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Button, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBooks, IconConfetti, IconInfoCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CompetencyProfile } from '@cakap/contracts';
import { useMyCompetencies } from '../../../api/myCompetencies';
import { EmptyBlock } from '../../../components/EmptyBlock';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { formatNumber } from '../../../i18n/format';
import { useLang } from '../../../i18n/useLang';
import { EvidenceList } from './EvidenceList';
import { ProfileTable } from './ProfileTable';
import { chartRows, summarize, type ProfileSummary } from './profileView';
import { Recommendations } from './Recommendations';

const CompetencyChart = lazy(async () => ({ default: (await import('./CompetencyChart')).CompetencyChart }));

/** "Kompetensi saya": the learner's achieved levels against their position's standard, the evidence and the courses that close the gaps. */
export function MyCompetenciesPage() {
  const { t } = useTranslation();
  const profile = useMyCompetencies();
  return (
    <>
      <PageHeader title={t('myCompetencies.title')} description={t('myCompetencies.intro')} />
      {profile.error ? (
        <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />
      ) : !profile.data ? (
        <PageSkeleton />
      ) : (
        <Profile data={profile.data} />
      )}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" aria-labelledby={id} gap="sm">
      <Title order={2} fz="h3" id={id}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Profile({ data }: { data: CompetencyProfile }) {
  const { t } = useTranslation();
  const summary = summarize(data);
  const bars = chartRows(data.profile);
  const scale = Math.max(1, ...data.profile.map((r) => r.maxLevel));
  return (
    <Stack gap="xl" maw={1040}>
      <Header data={data} summary={summary} />

      {data.profile.length > 0 ? (
        <Section id="competency-levels" title={t('myCompetencies.chartTitle')}>
          {bars.length > 0 && (
            <>
              <Text size="sm" c="dimmed">
                {t('myCompetencies.chartSummary')}
              </Text>
              <Suspense fallback={<Skeleton height={bars.length * 44 + 70} />}>
                <CompetencyChart rows={bars} maxLevel={scale} />
              </Suspense>
            </>
          )}
          <ProfileTable profile={data.profile} />
        </Section>
      ) : (
        <EmptyBlock message={t('myCompetencies.empty')} />
      )}

      {summary.standing !== 'noPosition' && summary.standing !== 'noStandard' && (
        <Section id="competency-recommendations" title={t('myCompetencies.recommendationsTitle')}>
          {data.recommendations.length > 0 ? (
            <>
              <Text size="sm" c="dimmed">
                {t('myCompetencies.recommendationsIntro')}
              </Text>
              <Recommendations items={data.recommendations} />
            </>
          ) : summary.standing === 'short' ? (
            <EmptyBlock
              message={t('myCompetencies.recommendationsEmpty')}
              icon={<IconBooks size={26} />}
              action={
                <Button component={Link} to="/katalog" variant="light">
                  {t('home.browseCatalog')}
                </Button>
              }
            />
          ) : (
            <Text size="sm">{t('myCompetencies.allMetHint')}</Text>
          )}
        </Section>
      )}

      <Section id="competency-evidence" title={t('myCompetencies.evidenceTitle')}>
        {data.evidence.length > 0 ? <EvidenceList items={data.evidence} /> : <Text size="sm">{t('myCompetencies.evidenceEmpty')}</Text>}
      </Section>
    </Stack>
  );
}

/** Who the standard is for (position, unit), the Job-Person Match, and the situation in one sentence. */
function Header({ data, summary }: { data: CompetencyProfile; summary: ProfileSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { user, match } = data;
  const percent = match === null ? null : formatNumber(match, lang);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <SimpleGrid component="dl" cols={{ base: 1, xs: match === null ? 2 : 3 }} spacing="md" m={0}>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('myCompetencies.position')}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {user.position?.name ?? '—'}
            </Text>
          </div>
          <div>
            <Text component="dt" size="sm" c="dimmed">
              {t('myCompetencies.orgUnit')}
            </Text>
            <Text component="dd" m={0} fw={500}>
              {user.orgUnit.name}
            </Text>
          </div>
          {percent !== null && (
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {t('myCompetencies.match')}
              </Text>
              <Text component="dd" m={0} data-testid="job-person-match">
                <Text span fz={28} fw={700} lh={1.1}>
                  {t('myCompetencies.matchValue', { percent })}
                </Text>
                <Progress value={match ?? 0} size="md" mt={6} aria-label={t('myCompetencies.matchLabel', { percent })} />
                <Text size="xs" c="dimmed" mt={4}>
                  {t('myCompetencies.matchHint')}
                </Text>
              </Text>
            </div>
          )}
        </SimpleGrid>
      </Paper>
      <Standing summary={summary} />
    </Stack>
  );
}

function Standing({ summary }: { summary: ProfileSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  switch (summary.standing) {
    case 'noPosition':
      return (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('myCompetencies.noPositionTitle')}>
          <Text size="sm">{t('myCompetencies.noPosition')}</Text>
        </Alert>
      );
    case 'noStandard':
      return (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('myCompetencies.noStandardTitle')}>
          <Text size="sm">{t('myCompetencies.noStandard')}</Text>
        </Alert>
      );
    case 'allMet':
      return (
        <Alert color="green" variant="light" icon={<IconConfetti aria-hidden />} data-testid="competency-standing">
          <Text size="sm" fw={500}>
            {t('myCompetencies.allMet')}
          </Text>
        </Alert>
      );
    case 'short':
      return (
        <Group gap="xs" data-testid="competency-standing">
          <Text size="sm" fw={500}>
            {t('myCompetencies.summaryShort', { short: formatNumber(summary.short, lang), total: formatNumber(summary.required, lang) })}
          </Text>
        </Group>
      );
  }
}

function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" maw={1040}>
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      <Skeleton height={96} />
      <Skeleton height={28} width="40%" />
      <Skeleton height={280} />
      <Skeleton height={36} />
      <Skeleton height={36} />
    </Stack>
  );
}
