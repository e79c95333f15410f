import { Badge, Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBook2,
  IconBriefcase,
  IconCertificate,
  IconStack2,
  IconTemplate,
  IconClipboardCheck,
  IconFileImport,
  IconGridDots,
  IconListCheck,
  IconSitemap,
  IconUsers,
} from '@tabler/icons-react';
import { useCourses } from '../../api/courses';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function AdminHome() {
  const { t } = useTranslation();
  // One small call: only the total of courses waiting for review.
  const waiting = useCourses({ status: 'in_review', page: 1, pageSize: 1 });
  const sections: { to: string; title: string; text: string; icon: React.ReactNode; count?: number }[] = [
    {
      to: '/admin/reviews',
      title: t('nav.reviews'),
      text: t('admin.reviewsText'),
      icon: <IconClipboardCheck />,
      count: waiting.data?.total,
    },
    { to: '/admin/org-units', title: t('nav.orgUnits'), text: t('admin.orgUnitsText'), icon: <IconSitemap /> },
    { to: '/admin/positions', title: t('nav.positions'), text: t('admin.positionsText'), icon: <IconBriefcase /> },
    { to: '/admin/users', title: t('nav.users'), text: t('admin.usersText'), icon: <IconUsers /> },
    { to: '/admin/imports', title: t('nav.imports'), text: t('admin.importsText'), icon: <IconFileImport /> },
    { to: '/admin/competencies', title: t('competencyAdmin.nav.frameworks'), text: t('competencyAdmin.home.frameworksText'), icon: <IconBook2 /> },
    { to: '/admin/competency-standards', title: t('competencyAdmin.nav.standards'), text: t('competencyAdmin.home.standardsText'), icon: <IconListCheck /> },
    { to: '/admin/competency-map', title: t('competencyAdmin.nav.map'), text: t('competencyAdmin.home.mapText'), icon: <IconGridDots /> },
    { to: '/admin/certificate-templates', title: t('certificates.nav.templates'), text: t('certificates.home.templatesText'), icon: <IconTemplate /> },
    { to: '/admin/certificate-batches', title: t('certificates.nav.batches'), text: t('certificates.home.batchesText'), icon: <IconStack2 /> },
    { to: '/admin/certificates', title: t('certificates.nav.all'), text: t('certificates.home.allText'), icon: <IconCertificate /> },
  ];
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.intro')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {sections.map((s) => (
          <Card key={s.to} withBorder padding="lg" component={Link} to={s.to}>
            <Group wrap="nowrap" align="flex-start">
              <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                {s.icon}
              </ThemeIcon>
              <div>
                <Group gap="xs">
                  <Title order={2} fz="h4">
                    {s.title}
                  </Title>
                  {s.count != null && s.count > 0 && (
                    <Badge color="orange.9">{t('admin.reviewsWaiting', { n: String(s.count) })}</Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {s.text}
                </Text>
              </div>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
