import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Role } from '@cakap/contracts';
import { usePageTitle } from '../components/usePageTitle';

function ErrorPage({ code, title, text }: { code: string; title: string; text: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Paper withBorder p="xl" maw={560} mx="auto" mt="xl">
      <Stack gap="sm">
        <Text c="dimmed" fw={700}>
          {code}
        </Text>
        <Title order={1}>{title}</Title>
        <Text>{text}</Text>
        <Button component={Link} to="/" w="fit-content">
          {t('app.home')}
        </Button>
      </Stack>
    </Paper>
  );
}

export function Forbidden({ roles }: { roles: Role[] }) {
  const { t } = useTranslation();
  const names = roles.map((r) => t(`roles.${r}`)).join(' / ');
  return <ErrorPage code="403" title={t('errors.forbiddenTitle')} text={t('errors.forbiddenText', { roles: names })} />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <ErrorPage code="404" title={t('errors.notFoundTitle')} text={t('errors.notFoundText')} />;
}
