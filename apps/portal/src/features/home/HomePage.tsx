import type { ReactNode } from 'react';
import { Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBook2, IconBooks, IconCertificate, IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session';
import { PageHeader } from '../../components/PageHeader';
import { currentYear, formatNumber } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';

/** The yearly JP target (PP 11/2017 as amended): 20 JP per ASN per year. */
const JP_TARGET = 20;

function ComingWith({ capability }: { capability: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color="gray.7" size="sm" tt="none" fw={500}>
      {t('home.comingWith', { capability })}
    </Badge>
  );
}

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

export function HomePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const session = useSession();
  const year = currentYear();
  const jp = 0;
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
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <HomeCard id="home-jp" icon={<IconClockHour4 size={22} aria-hidden color={ICON_COLOR} />} title={t('home.jpTitle', { year: String(year) })}>
          <Text fz={28} fw={700} lh={1.1}>
            {t('home.jpMeter', { jp: formatNumber(jp, lang), target: formatNumber(JP_TARGET, lang) })}
          </Text>
          <Progress
            value={(jp / JP_TARGET) * 100}
            size="lg"
            aria-label={t('home.jpMeterLabel', { year: String(year), jp: formatNumber(jp, lang), target: formatNumber(JP_TARGET, lang) })}
          />
          <Text size="sm" c="dimmed">
            {t('home.jpNote')}
          </Text>
          <ComingWith capability={t('home.capabilityJp')} />
        </HomeCard>
        <HomeCard id="home-courses" icon={<IconBook2 size={22} aria-hidden color={ICON_COLOR} />} title={t('home.coursesTitle')}>
          <Text size="sm">{t('home.coursesEmpty')}</Text>
          <Button component={Link} to="/katalog" variant="light" leftSection={<IconBooks size={16} aria-hidden />} w="fit-content">
            {t('home.browseCatalog')}
          </Button>
          <ComingWith capability={t('home.capabilityCourses')} />
        </HomeCard>
        <HomeCard id="home-certificates" icon={<IconCertificate size={22} aria-hidden color={ICON_COLOR} />} title={t('home.certificatesTitle')}>
          <Text size="sm">{t('home.certificatesEmpty')}</Text>
          <ComingWith capability={t('home.capabilityCertificates')} />
        </HomeCard>
      </SimpleGrid>
    </>
  );
}
