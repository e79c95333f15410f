import { Card, Group, SimpleGrid, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBriefcase, IconFileImport, IconSitemap, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';

export function AdminHome() {
  const { t } = useTranslation();
  const sections = [
    { to: '/admin/org-units', title: t('nav.orgUnits'), text: t('admin.orgUnitsText'), icon: <IconSitemap /> },
    { to: '/admin/positions', title: t('nav.positions'), text: t('admin.positionsText'), icon: <IconBriefcase /> },
    { to: '/admin/users', title: t('nav.users'), text: t('admin.usersText'), icon: <IconUsers /> },
    { to: '/admin/imports', title: t('nav.imports'), text: t('admin.importsText'), icon: <IconFileImport /> },
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
                <Title order={2} fz="h4">
                  {s.title}
                </Title>
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
